// What the d3-geo modules the console loads (path/, transform.js) import from "d3-array" (the import map
// points here): its Adder, not the whole library.
export { Adder } from '/webjars/d3-array/3.2.4/src/fsum.js';
