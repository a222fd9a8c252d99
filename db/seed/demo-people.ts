import type { Role } from "../schema";

/** Demo staff (the README lists them). Desk roles sign in by e-mail, floor roles by badge + PIN. */
export type DemoPerson = { center: "SEL" | "TYO"; role: Role; name: string; email?: string; badge?: string; locale: "ko" | "en" };

export const demoPassword = "legit-demo";
export const demoPin = "1234";

export const demoPeople: DemoPerson[] = [
  { center: "SEL", role: "admin", name: "박준영", email: "admin@legit.demo", locale: "ko" },
  { center: "SEL", role: "manager", name: "김민지", email: "manager.seoul@legit.demo", locale: "ko" },
  { center: "SEL", role: "operator", name: "이준호", badge: "EMP-1001", locale: "ko" },
  { center: "SEL", role: "operator", name: "박서연", badge: "EMP-1002", locale: "ko" },
  { center: "SEL", role: "inspector", name: "최유진", badge: "EMP-2001", locale: "ko" },
  { center: "SEL", role: "inspector", name: "정하늘", badge: "EMP-2002", locale: "ko" },
  { center: "SEL", role: "senior_inspector", name: "한도윤", badge: "EMP-3001", locale: "ko" },
  { center: "TYO", role: "manager", name: "Sato Yui", email: "manager.tokyo@legit.demo", locale: "en" },
  { center: "TYO", role: "operator", name: "Tanaka Ren", badge: "EMP-5001", locale: "en" },
  { center: "TYO", role: "inspector", name: "Suzuki Aoi", badge: "EMP-6001", locale: "en" },
  { center: "TYO", role: "senior_inspector", name: "Ito Haruto", badge: "EMP-7001", locale: "en" },
];
