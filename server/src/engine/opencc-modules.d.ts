// opencc-js ships its dictionaries as separate modules without type declarations.
declare module 'opencc-js/from/tw' {
  const dictGroups: ReadonlyArray<ReadonlyArray<string>>;
  export default dictGroups;
}
declare module 'opencc-js/to/cn' {
  const dictGroups: ReadonlyArray<ReadonlyArray<string>>;
  export default dictGroups;
}
declare module 'opencc-js/dict/STCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWVariants' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWPhrases' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWVariantsRev' {
  const dict: string;
  export default dict;
}
