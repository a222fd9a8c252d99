import type { NextAuthConfig } from "next-auth";

/** Pages and callbacks, kept apart from providers (which need the database and slow hashing). */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        const issued = user as { sessionVersion?: number; role?: string; centerId?: string };
        token.sv = issued.sessionVersion;
        // Valid only while `sv` is the user's session version, which every role or center change bumps.
        token.role = issued.role;
        token.cid = issued.centerId;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sv === "number") (session.user as { sessionVersion?: number }).sessionVersion = token.sv;
      return session;
    },
  },
} satisfies NextAuthConfig;
