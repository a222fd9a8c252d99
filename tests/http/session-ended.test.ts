import { randomInt, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DbHandle } from "@/db/open-db";
import { scanRequests, users } from "@/db/schema";
import { hashSecret } from "@/lib/auth/password-hash";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import { signIn, stationPost, type HttpAnswer, type Station } from "@/scripts/bench/http-client";
import type { NextServer } from "@/scripts/next-server";
import { createUser } from "../helpers/fixtures";
import { expectErrorShape, tableRowCounts } from "./http-helpers";
import { hasBuild } from "./next-server";
import { closeServedWorld, serveWorld } from "./served-world";
import type { buildWorld } from "./world";

/**
 * A station write's session over real HTTP, with the cookie Auth.js issued: its role and center
 * come from the signed token, and the write's own scan-id claim confirms that the users row still
 * holds (lib/auth/session-check.ts). Whatever ends the session between two scans of one station is
 * refused on the second with 401 in the error shape, and nothing of it is written.
 */
const ready = Boolean(inject("pgServerUrl")) && hasBuild();
const secret = "http-tests-secret-not-for-production-0123456789"; // scripts/next-server.ts

describe.skipIf(!ready)("an ended session at a station over HTTP [postgres, next start]", () => {
  let db: DbHandle & { url: string };
  let server: NextServer;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    ({ db, world, servers: [server] } = await serveWorld());
  }, 180_000);
  afterAll(() => closeServedWorld(db, [server]), 60_000);

  /** A new operator of center A, signed in at a receiving station through the real login. */
  const signedInOperator = async () => {
    const badge = `EMP-${randomInt(1e9)}`;
    const user = await createUser(db.db, world.a.center.id, "operator", { badgeCode: badge, pinHash: await hashSecret("482193") });
    return { user, station: await signIn(server.base, "badge", { badge, pin: "482193" }, "RECV-7") };
  };
  /** A receiving scan that writes: an unmatched parcel recorded, once per scan id. */
  const recordParcel = (station: Station, scanId: string = randomUUID()) =>
    stationPost(server.base, station, "/api/station/receiving/scan", { scanId, code: `60${randomInt(1e9)}`, confirmUnmatched: true });
  const expectRefusedUnwritten = async (send: (scanId: string) => Promise<HttpAnswer>) => {
    const before = await tableRowCounts(db.db);
    const scanId = randomUUID();
    const answer = await send(scanId);
    expect(answer.status, answer.body).toBe(401);
    expect(expectErrorShape(answer, "ended session").code).toBe("unauthorized");
    expect(await db.db.select().from(scanRequests).where(eq(scanRequests.scanId, scanId))).toEqual([]);
    expect(await tableRowCounts(db.db)).toEqual(before);
  };

  it("a session ended between two scans of one station: the second is refused, nothing written", async () => {
    const { user, station } = await signedInOperator();
    const first = await recordParcel(station);
    expect(first.status, first.body).toBe(200);
    await bumpSessionVersion(db.db, user.id); // signed out on another tablet
    await expectRefusedUnwritten((scanId) => recordParcel(station, scanId));
  });

  it("a deactivation or a role change in the row is refused at once, even before the session version moves", async () => {
    for (const change of [{ active: false }, { role: "inspector" as const }]) {
      const { user, station } = await signedInOperator();
      expect((await recordParcel(station)).status).toBe(200);
      await db.db.update(users).set(change).where(eq(users.id, user.id));
      await expectRefusedUnwritten((scanId) => recordParcel(station, scanId));
    }
  });

  it("a session token from before tokens carried the role and center still works, by the read of the user, until its session ends", async () => {
    const { user } = await signedInOperator();
    const maxAge = 12 * 60 * 60;
    const salt = "authjs.session-token";
    const token = await encode({ token: { uid: user.id, sv: user.sessionVersion, name: user.name }, secret, salt, maxAge });
    const old: Station = { cookie: `${salt}=${token}`, name: "RECV-OLD" };
    const first = await recordParcel(old);
    expect(first.status, first.body).toBe(200);
    await bumpSessionVersion(db.db, user.id);
    await expectRefusedUnwritten((scanId) => recordParcel(old, scanId));
  });
});
