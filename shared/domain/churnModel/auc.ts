// Area under the ROC curve: how often a customer who came back was ranked above one who did not.

/** Mann–Whitney with ties counted half; NaN when either class is empty. */
export function areaUnderCurve(score: readonly number[], positive: readonly boolean[]): number {
  const order = score.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Float64Array(score.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < positive.length; i++) {
    if (positive[i]) {
      pos++;
      rankSum += ranks[i]!;
    }
  }
  const neg = score.length - pos;
  return pos === 0 || neg === 0 ? Number.NaN : (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
