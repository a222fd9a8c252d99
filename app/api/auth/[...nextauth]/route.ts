import { handlers } from "@/auth";
import { publicRoute } from "@/lib/http/public-route";

export const GET = publicRoute("Auth.js sign-in, sign-out and session endpoints: how one signs in", handlers.GET);
export const POST = publicRoute("Auth.js sign-in, sign-out and session endpoints: how one signs in", handlers.POST);
