// Setup of the web test project: how long testing-library's findBy* and waitFor wait for the state a test expects.
// Pages load their forms and sections as lazy chunks; the first import of such a chunk in a worker transforms Fluent UI
// and took over 5 s on CI's two cores next to the node project, so the library's 1 s default (and per-test 5 s or 10 s
// overrides) failed tests whose pages were only slow. A wait ends as soon as the state is there; only a test that fails
// anyway waits the whole time, and it still ends before the 30 s test timeout.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 20_000 });
