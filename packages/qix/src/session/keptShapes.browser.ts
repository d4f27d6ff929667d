// Browsers: nothing kept (see keptShapes.ts), so that the runtime bundle stays within
// enigma.min.js's gzipped size.
export {};
