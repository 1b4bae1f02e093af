// `./shell?locale=nl`: a dictionary module reduced by the build to one language's strings
// (vite.config.ts, localeTexts).
declare module '*?locale=nl' {
  const texts: Record<string, string>;
  export default texts;
}
declare module '*?locale=en' {
  const texts: Record<string, string>;
  export default texts;
}
