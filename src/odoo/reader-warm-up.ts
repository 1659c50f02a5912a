/**
 * @fileoverview Primes the Python, XML and CSV readers of this thread for a long run (each file says
 * why: V8 optimises them once, with feedback from every construct, instead of recompiling them as
 * constructs first show up). Short runs skip it: they stay at V8's baseline compiler.
 */
import { warmUpCsvReader } from './access-csv.js';
import { warmUpPythonReader } from './python.js';
import { warmUpXmlReader } from './xml-reader.js';

export function warmUpReaders(): void {
  warmUpPythonReader();
  warmUpXmlReader();
  warmUpCsvReader();
}
