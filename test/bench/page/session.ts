// What the bench page keeps between the runner's calls: the generated store and the files made from it.
import type { Dataset } from '../dataset';
import type { Probe } from '../protocol';

export const session: {
  dataset: Dataset | null;
  /** The files' bytes, as the import screen holds a picked file (File.arrayBuffer()). */
  customersFile: ArrayBuffer | null;
  purchasesFile: ArrayBuffer | null;
  probes: Probe[];
} = { dataset: null, customersFile: null, purchasesFile: null, probes: [] };

export function requireDataset(): Dataset {
  if (!session.dataset) throw new Error('call prepare first');
  return session.dataset;
}
