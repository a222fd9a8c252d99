/** Keys are relative paths of safe characters; never absolute, never "..". */
export function assertPhotoKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,500}$/.test(key) || key.split("/").some((part) => part === ".." || part === "." || part === "")) {
    throw new Error(`Invalid photo key: ${JSON.stringify(key)}`);
  }
}
