/** How many quarantined items the quarantine station lists (oldest first); the screen knows its list is whole below it. */
export const quarantineListLimit = 200;
