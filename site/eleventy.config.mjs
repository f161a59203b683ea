// The docs and demo site, built by Eleventy with mem-sim's own Eleventy plugin, imported by the
// package's name as any site would import it (it resolves to this checkout's lib/, which
// scripts/build-site.mjs builds first). Build with `npm run build:site`; serve with `npm start`.
import syntaxHighlight from '@11ty/eleventy-plugin-syntaxhighlight';
import markdownIt from 'markdown-it';
import memSim from 'mem-sim/eleventy';
import { navTree } from './nav-tree.mjs';

/** @param {import('@11ty/eleventy').UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  // An invalid example in the docs fails the build with path:line:col, as it would for any author.
  // The step sentences too, for readers without JavaScript.
  eleventyConfig.addPlugin(memSim, { errors: 'throw', steps: true });
  // Prism colours every other fence. It sets markdown-it's `highlight` option, which the default
  // fence rule calls; mem-sim wraps that rule and takes only memsim fences, so the order of the two
  // plugins does not matter and a memsim fence never reaches Prism.
  eleventyConfig.addPlugin(syntaxHighlight);
  eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets' });

  // The navigation: every page with a `nav` number, in that order (ties by title). A page per
  // scheme (site/schemes/*.md) gets one from site/schemes/schemes.11tydata.json.
  eleventyConfig.addCollection('nav', (api) =>
    api
      .getAll()
      .filter((p) => typeof p.data.nav === 'number')
      .sort((a, b) => a.data.nav - b.data.nav || String(a.data.title).localeCompare(String(b.data.title))),
  );
  eleventyConfig.addFilter('navTree', navTree);
  // Code blocks and tables scroll sideways on a phone: make each one focusable so a keyboard can
  // scroll it, and give markdown's bare tables the same scrolling wrapper as the generated ones.
  eleventyConfig.addTransform('scrollable-blocks', function (content) {
    if (!this.page.outputPath || !this.page.outputPath.endsWith('.html')) return content;
    return content
      .replace(/<pre(?![^>]*\btabindex=)(?=[\s>])/g, '<pre tabindex="0"')
      .replace(/<table>([\s\S]*?)<\/table>/g, '<div class="table-scroll" tabindex="0"><table class="doc">$1</table></div>');
  });
  // Search (Pagefind) indexes the words of the docs, not the simulators' static fallbacks: their
  // scenario text, step tables and step sentences would swamp every query with numbers and
  // "page 7 faults". The simulator's title stays indexed.
  eleventyConfig.addTransform('search-ignores-simulators', function (content) {
    if (!this.page.outputPath || !this.page.outputPath.endsWith('.html')) return content;
    return content
      .replace(/<pre(?=[^>]*>\s*<code class="language-memsim")/g, '<pre data-pagefind-ignore')
      .replace(/<div class="mem-sim-run"/g, '<div class="mem-sim-run" data-pagefind-ignore');
  });
  // Generated pages (reference, element, CLI) are Nunjucks; escape by default, as data is text.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true });
  // Inline markdown (`code`) in descriptions that come from JSDoc and the engine; raw HTML stays text.
  const inline = markdownIt({ html: false });
  eleventyConfig.addFilter('md', (text) => inline.renderInline(String(text ?? '')));
}

export const config = {
  // The output folder is Eleventy's default, _site/ (scripts/build-site.mjs can send it elsewhere).
  dir: { input: 'site', includes: '_includes', data: '_data' },
  // Liquid over markdown would rewrite {{ }} and {% %} inside memsim fences: markdown stays markdown.
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
  templateFormats: ['md', 'njk'],
};
