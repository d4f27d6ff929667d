/** The character codes the delimited-file readers look for, as text char codes and as UTF-8 bytes alike. */
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34;
