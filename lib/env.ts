import { z } from "zod";

/**
 * The app's environment, read and validated once. This is the only module of the app that reads
 * `process.env` (scripts may read it too; Next inlines `process.env.NEXT_RUNTIME` in
 * instrumentation.ts). Importing it validates: a wrong value stops the start with a message naming
 * the variable. Auth.js reads AUTH_SECRET / AUTH_URL / AUTH_TRUST_HOST itself.
 */
const optional = z.string().min(1).optional();

const envSchema = z.object({
  /** PostgreSQL; without it the embedded PGlite database in LEGIT_DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// connection URL")
    .optional(),
  LEGIT_DATA_DIR: optional,
  /** Run the webhook relay inside the app ("1") or not ("0"); default: inside with PGlite, apart with PostgreSQL. */
  LEGIT_RELAY_IN_PROCESS: z.enum(["0", "1"]).optional(),
  /** bcrypt work factor; tests lower it to keep fixtures fast. */
  BCRYPT_COST: z.coerce.number().int().min(4).max(31).default(10),
  /** Photos on local disk (default ./.data/photos), or in an S3-compatible bucket when S3_BUCKET is set. */
  PHOTO_DIR: optional,
  S3_BUCKET: optional,
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: optional,
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  /** Auth.js reads it itself; lib/auth/session-token.ts decodes session cookies with it too. */
  AUTH_SECRET: optional,
  /** Let webhooks reach private, loopback and link-local addresses ("1": tests with a local receiver, closed networks). */
  LEGIT_WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).optional(),
  /** Set by Next while it builds. */
  NEXT_PHASE: optional,
  /** Set by Next: "production" under `next build` / `next start` (the service worker is registered only then). */
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Validates an environment; blank values count as unset. Throws one message listing every wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment, fix these variables and start again:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
