import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultStrategy } from '@lit-labs/rollup-plugin-minify-html-literals/lib/strategy.js';

/**
 * Styles are minified by lightningcss, which reads a style sheet; a `css` template that holds only
 * declarations (a fragment other rules interpolate, such as the memory bar's placed strip) is read
 * as the body of one rule. It keeps its final `;`, since the rule it lands in may go on.
 */
export const cssStrategy = {
  ...defaultStrategy,
  minifyCSS(css, options) {
    if (css.includes('{')) return defaultStrategy.minifyCSS(css, options);
    const rule = defaultStrategy.minifyCSS(`a{${css}}`, options);
    const body = /^a\{([^]*)\}$/.exec(rule)?.[1];
    if (body === undefined) throw new Error(`lit-templates: lightningcss wrote the rule ${JSON.stringify(rule)} in an unexpected form`);
    return body && `${body};`;
  },
};

/**
 * The elements' markup and styles are `html`, `svg` and `css` template literals, indented for
 * reading. Lit's own minifier (html-minifier-next for markup, lightningcss for styles) rewrites
 * their literal text only, never the expressions in their placeholders. Markup whitespace is
 * collapsed to one space, never removed: a space at a template's edge can sit between two words
 * of rendered text (`<span>1:2</span> ${message}`). Any error fails the build.
 */
export function litTemplates() {
  return minifyHTMLLiterals({
    include: ['components/**/*.ts'],
    failOnError: true,
    options: { minifyOptions: { conservativeCollapse: true }, strategy: cssStrategy },
  });
}
