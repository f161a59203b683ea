// The analyzer's settings (the CLI flags are in package.json's `analyze` script and in
// scripts/build-bundle.mjs) and one plugin: <mem-sim> re-exports the CSS parts of each scheme's
// view, so a page styles them as `mem-sim::part(name)`. Each view documents its own parts with
// @csspart; this copies them onto <mem-sim>'s entry, naming the schemes that have each, so adding a
// scheme adds no line to <mem-sim>'s JSDoc and the element's reference still lists every part.

/** Adds the @csspart entries of every SchemeView subclass to the entry of `tag`. */
function viewPartsOn(tag) {
  return {
    name: 'mem-sim-view-parts',
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((m) => m.declarations ?? []);
      const byName = new Map(declarations.map((d) => [d.name, d]));
      const isView = (d) => {
        for (let c = d; c; c = byName.get(c.superclass?.name)) if (c.name === 'SchemeView') return true;
        return false;
      };
      const element = declarations.find((d) => d.tagName === tag);
      if (!element) throw new Error(`custom-elements-manifest.config.mjs: no <${tag}> in the manifest`);
      // part -> description -> schemes whose view describes the part so
      const found = new Map();
      for (const view of declarations.filter((d) => d.tagName && d !== element && isView(d))) {
        const scheme = view.tagName.replace(/^mem-sim-/, '');
        for (const { name, description = '' } of view.cssParts ?? []) {
          if (!found.has(name)) found.set(name, new Map());
          const schemes = found.get(name);
          schemes.set(description, [...(schemes.get(description) ?? []), scheme]);
        }
      }
      const parts = (element.cssParts ??= []);
      for (const [name, descriptions] of found) {
        if (parts.some((p) => p.name === name)) continue; // the element documents it itself
        const description = [...descriptions].map(([text, schemes]) => `${text} (${schemes.join(', ')})`).join('; ');
        parts.push({ description, name });
      }
    },
  };
}

export default {
  plugins: [viewPartsOn('mem-sim')],
};
