/** A `like` pattern that finds `text` anywhere, with the pattern's own characters taken literally. */
export const likeText = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
