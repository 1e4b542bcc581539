// What d3-geo's modules import from "d3-array" (the import map points here): three of its modules,
// not the whole library.
export { Adder } from '/webjars/d3-array/3.2.4/src/fsum.js';
export { default as merge } from '/webjars/d3-array/3.2.4/src/merge.js';
export { default as range } from '/webjars/d3-array/3.2.4/src/range.js';
