// Site-wide data: the package's version and a one-line description for meta tags.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

export default {
  version: pkg.version,
  description: pkg.description,
};
