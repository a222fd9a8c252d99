import type { TestProject } from "vitest/node";
import postgres from "postgres";
import { openDb } from "@/db/open-db";
import { hasPostgresBinaries, startCluster, type Cluster } from "@/scripts/pg-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** Server URL (database "postgres") of the real PostgreSQL for integration tests, or "" when absent. */
    pgServerUrl: string;
  }
}

/**
 * Starts a throwaway PostgreSQL cluster (unless LEGIT_TEST_PG_URL points at one) and prepares a
 * migrated template database that each test file copies.
 */
export default async function setup(project: TestProject) {
  let cluster: Cluster | undefined;
  let serverUrl = process.env.LEGIT_TEST_PG_URL ?? "";
  if (!serverUrl) {
    if (!hasPostgresBinaries()) {
      if (process.env.CI) throw new Error("PostgreSQL binaries (initdb, pg_ctl) are required in CI.");
      console.warn("\n!!! PostgreSQL binaries not found: the real-PostgreSQL test tier is SKIPPED. !!!\n");
      project.provide("pgServerUrl", "");
      return;
    }
    cluster = await startCluster();
    serverUrl = cluster.url();
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe("drop database if exists legit_template");
  await admin.unsafe("create database legit_template");
  await admin.end();
  const template = await openDb({ url: serverUrl.replace(/\/[^/]*$/, "/legit_template"), max: 1 });
  await template.close();
  project.provide("pgServerUrl", serverUrl);
  return () => cluster?.stop();
}
