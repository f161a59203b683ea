/** axe-core's browser build: importing it sets `window.axe` (typed by axe-core's own declarations). */
declare module 'axe-core/axe.min.js';
