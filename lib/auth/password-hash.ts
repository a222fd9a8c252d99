import bcrypt from "bcryptjs";

/** bcrypt work factor; tests may lower it through BCRYPT_COST to keep fixtures fast. */
const cost = Number(process.env.BCRYPT_COST ?? 10);

export function hashSecret(secret: string): Promise<string> {
  return bcrypt.hash(secret, cost);
}

export function verifySecret(secret: string, hash: string): Promise<boolean> {
  return bcrypt.compare(secret, hash);
}

/** Compared against when the account does not exist, so both paths take the same time. */
export const dummyHash = "$2b$10$Yl3oU69eumgkHiSN9xTJnO9YLvpYFOJbi8l.69C6HFAABNVSi3Gwi";
