/** The type byte before each symbol in a QVD symbol table. */
export const QvdSymbolType = {
  /** 4-byte little-endian signed integer. */
  INT: 1,
  /** 8-byte little-endian double. */
  DOUBLE: 2,
  /** NUL-terminated UTF-8 text. */
  TEXT: 4,
  /** Integer, then its text: a dual. */
  DUAL_INT: 5,
  /** Double, then its text: a dual. */
  DUAL_DOUBLE: 6,
} as const;
