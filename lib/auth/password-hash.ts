import bcrypt from "bcryptjs";
import { env } from "@/lib/env";

/** bcrypt work factor; tests may lower it through BCRYPT_COST to keep fixtures fast. */
const cost = env.BCRYPT_COST;

export function hashSecret(secret: string): Promise<string> {
  return bcrypt.hash(secret, cost);
}

export function verifySecret(secret: string, hash: string): Promise<boolean> {
  return bcrypt.compare(secret, hash);
}

/** Compared against when the account does not exist, so both paths take the same time. */
export const dummyHash = "$2b$10$Yl3oU69eumgkHiSN9xTJnO9YLvpYFOJbi8l.69C6HFAABNVSi3Gwi";
