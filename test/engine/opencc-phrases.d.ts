// The phrase dictionaries only the tests load (the engine's own are in server/src/engine/opencc-modules.d.ts).
declare module 'opencc-js/dict/TSPhrases' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWVariantsRevPhrases' {
  const dict: string;
  export default dict;
}
