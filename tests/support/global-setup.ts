import { ensureBuild } from './site';

// Runs once before the site project's tests: the build itself is under test here, and
// a failure (a broken link or anchor in either locale, an invalid registry) stops the run.
export default function setup() {
  ensureBuild();
}
