// The one tslib helper @docusaurus/utils-common uses in the browser (tests/registry/first-load
// checks it still is). utils-common is CommonJS, so its require('tslib') pulled the whole of
// tslib (4 KB gzipped) into every page's main.js for this one function.
exports.__importDefault = function (mod) {
  return mod && mod.__esModule ? mod : { default: mod };
};
