// A latent-class hidden Markov model of each customer's weekly visits (Netzer, Lattin and Srinivasan 2008 style): buying states a customer moves between, fitted by EM.
import { err, ok, type Result } from '../../result';
import { createRng } from '../random';
import type { CannotFit } from './buyingModel';

/**
 * One class of customers: where they start, how they move between hidden states from one week to the next, and how
 * many visit days a week they make in each state (Poisson). States are ordered by rate, highest first, so state 0 is
 * the class's buying state and the last its dormant one. Unlike the BG/NBD family no state is left for good: a dormant
 * customer comes back at the chance transition[dormant][buying] a week, which is what the CDNOW holdout shows of the
 * customers quiet longest.
 */
export interface HiddenMarkovClass {
  /** Share of the store's customers in this class. */
  weight: number;
  /** Chance of each state in a customer's first week. */
  start: number[];
  /** transition[k][l]: chance of state l next week given state k this week (rows sum to 1). */
  transition: number[][];
  /** Visit days per week in each state. */
  rates: number[];
}

export interface HiddenMarkovParams {
  classes: HiddenMarkovClass[];
}

/**
 * A customer's visit days by week as of the day scored. Weeks are aligned to the day scored, the same for every
 * customer: week j back covers the days (D − 7(j+1), D − 7j], so the last week ends on the day scored and a forecast's
 * weeks follow it with no gap; counted from each customer's first visit instead, the last week would be a part-week
 * cut by the day scored whose state then also governs the first days of the forecast. A customer's first week starts
 * the day after their first visit and is a part-week of `firstWeekDays`; the first visit itself is not counted (it is
 * what makes them a customer, as x counts only repeat visits in the BG/NBD). A first visit on the day scored gives no
 * weeks at all.
 */
export interface WeeklyHistory {
  /** Days in the first week, 1–7. */
  firstWeekDays: number;
  /** Visit days in each week, oldest first, at most the days in the week. */
  counts: number[];
}

/** Visit days (whole day numbers, any order, repeats one visit; days after the day scored not seen) in weeks; null with no visit by the day scored. */
export function weeklyHistory(visitDays: readonly number[], dayScored: number): WeeklyHistory | null {
  const days = [...new Set(visitDays.filter((d) => d <= dayScored))].sort((a, b) => a - b);
  if (days.length === 0) return null;
  const first = days[0]!;
  const span = dayScored - first;
  if (span === 0) return { firstWeekDays: 7, counts: [] };
  const weeks = Math.ceil(span / 7);
  const counts = new Array<number>(weeks).fill(0);
  // Week index from the oldest: day d sits in week-back j = floor((D − d) / 7), i.e. index weeks − 1 − j.
  for (const d of days.slice(1)) counts[weeks - 1 - Math.floor((dayScored - d) / 7)]! += 1;
  return { firstWeekDays: span - 7 * (weeks - 1), counts };
}

/** Days from the first visit to the day scored. */
export const historyDays = (h: WeeklyHistory): number => (h.counts.length === 0 ? 0 : h.firstWeekDays + 7 * (h.counts.length - 1));

// ---- internal flat parameters: C classes, K states ----

interface Flat {
  C: number;
  K: number;
  w: Float64Array;
  pi: Float64Array; // C·K
  A: Float64Array; // C·K·K
  lam: Float64Array; // C·K, per week
}

function toFlat(p: HiddenMarkovParams): Flat {
  const C = p.classes.length;
  const K = p.classes[0]!.rates.length;
  const f: Flat = { C, K, w: new Float64Array(C), pi: new Float64Array(C * K), A: new Float64Array(C * K * K), lam: new Float64Array(C * K) };
  p.classes.forEach((c, ci) => {
    f.w[ci] = c.weight;
    for (let k = 0; k < K; k++) {
      f.pi[ci * K + k] = c.start[k]!;
      f.lam[ci * K + k] = c.rates[k]!;
      for (let l = 0; l < K; l++) f.A[(ci * K + k) * K + l] = c.transition[k]![l]!;
    }
  });
  return f;
}

/** Back to the public shape, states ordered by rate (highest first) and classes by their buying rate (lowest first), so fits compare. */
function fromFlat(f: Flat): HiddenMarkovParams {
  const { C, K } = f;
  const classes: HiddenMarkovClass[] = [];
  for (let c = 0; c < C; c++) {
    const order = Array.from({ length: K }, (_, k) => k).sort((a, b) => f.lam[c * K + b]! - f.lam[c * K + a]!);
    classes.push({
      weight: f.w[c]!,
      start: order.map((k) => f.pi[c * K + k]!),
      transition: order.map((k) => order.map((l) => f.A[(c * K + k) * K + l]!)),
      rates: order.map((k) => f.lam[c * K + k]!),
    });
  }
  classes.sort((a, b) => a.rates[0]! - b.rates[0]!);
  return { classes };
}

const LN_FACT = [0, 0, Math.log(2), Math.log(6), Math.log(24), Math.log(120), Math.log(720), Math.log(5040)];
const lnFactorial = (n: number): number => {
  if (n < LN_FACT.length) return LN_FACT[n]!;
  let v = LN_FACT[LN_FACT.length - 1]!;
  for (let k = LN_FACT.length; k <= n; k++) v += Math.log(k);
  return v;
};

/** Poisson chance of n visit days in a week of `exposure` (1 = 7 days) at `rate` a week. */
function emit(rate: number, exposure: number, n: number): number {
  const m = rate * exposure;
  return n === 0 ? Math.exp(-m) : Math.exp(n * Math.log(m) - m - lnFactorial(n));
}

// ---- sequences with runs of empty weeks collapsed ----

/**
 * Customers' weeks as segments: the first week and every week with a visit are single segments; a run of m empty full
 * weeks after the first is one segment, stepped over at once with (A·D0)^m (D0 = diag of e^(−rate), the chance of an
 * empty week in each state). Identical histories are one sequence with a weight. The E step then costs per visit week
 * rather than per week (9 times fewer steps on CDNOW).
 */
export interface WeeklySequences {
  /** Number of distinct sequences. */
  size: number;
  /** Customers (sum of weights); customers with no weeks (first visit on the day scored) count but add nothing. */
  customers: number;
  offset: Int32Array;
  /** 0: a single week; m > 0: m empty full weeks. */
  run: Int32Array;
  count: Int32Array;
  exposure: Float64Array;
  weight: Float64Array;
  maxRun: number;
}

export function weeklySequences(histories: readonly WeeklyHistory[]): WeeklySequences {
  const index = new Map<string, number>();
  const weights: number[] = [];
  const offsets: number[] = [0];
  const run: number[] = [];
  const count: number[] = [];
  const exposure: number[] = [];
  let maxRun = 1;
  for (const h of histories) {
    const key = `${h.firstWeekDays}|${h.counts.join(',')}`;
    const at = index.get(key);
    if (at !== undefined) {
      weights[at]! += 1;
      continue;
    }
    index.set(key, weights.length);
    weights.push(1);
    const L = h.counts.length;
    for (let t = 0; t < L; ) {
      if (t > 0 && h.counts[t] === 0) {
        let m = 0;
        while (t < L && h.counts[t] === 0) {
          m++;
          t++;
        }
        run.push(m);
        count.push(0);
        exposure.push(1);
        if (m > maxRun) maxRun = m;
      } else {
        run.push(0);
        count.push(h.counts[t]!);
        exposure.push(t === 0 ? h.firstWeekDays / 7 : 1);
        t++;
      }
    }
    offsets.push(run.length);
  }
  return {
    size: weights.length,
    customers: histories.length,
    offset: Int32Array.from(offsets),
    run: Int32Array.from(run),
    count: Int32Array.from(count),
    exposure: Float64Array.from(exposure),
    weight: Float64Array.from(weights),
    maxRun,
  };
}

/**
 * Per class: P_m = (A·D0)^m for m ≤ maxRun and, for the E step, the sums that give a run's expected occupancy and
 * transitions: G_m[a,k,b] = Σ_{j=1..m} P_j[a,k] P_{m−j}[k,b] and X_m[a,k,l,b] = Σ_{j=0..m−1} P_j[a,k] P_{m−1−j}[l,b].
 */
function runTables(f: Flat, c: number, maxRun: number, withSums: boolean): { P: Float64Array; G: Float64Array | null; X: Float64Array | null } {
  const { K } = f;
  const K2 = K * K;
  const K3 = K2 * K;
  const K4 = K3 * K;
  const M = new Float64Array(K2);
  for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) M[k * K + l] = f.A[(c * K + k) * K + l]! * Math.exp(-f.lam[c * K + l]!);
  const P = new Float64Array((maxRun + 1) * K2);
  for (let k = 0; k < K; k++) P[k * K + k] = 1;
  for (let m = 1; m <= maxRun; m++)
    for (let a = 0; a < K; a++)
      for (let b = 0; b < K; b++) {
        let v = 0;
        for (let x = 0; x < K; x++) v += P[(m - 1) * K2 + a * K + x]! * M[x * K + b]!;
        P[m * K2 + a * K + b] = v;
      }
  if (!withSums) return { P, G: null, X: null };
  const G = new Float64Array((maxRun + 1) * K3);
  const X = new Float64Array((maxRun + 1) * K4);
  for (let m = 0; m < maxRun; m++) {
    // G_{m+1} = G_m M + P_{m+1}[a,k] δ_kb;  X_{m+1} = X_m M + P_m[a,k] δ_lb.
    for (let a = 0; a < K; a++)
      for (let k = 0; k < K; k++) {
        for (let b = 0; b < K; b++) {
          let v = 0;
          for (let x = 0; x < K; x++) v += G[m * K3 + (a * K + k) * K + x]! * M[x * K + b]!;
          if (k === b) v += P[(m + 1) * K2 + a * K + k]!;
          G[(m + 1) * K3 + (a * K + k) * K + b] = v;
        }
        for (let l = 0; l < K; l++)
          for (let b = 0; b < K; b++) {
            let v = 0;
            for (let x = 0; x < K; x++) v += X[m * K4 + ((a * K + k) * K + l) * K + x]! * M[x * K + b]!;
            if (l === b) v += P[m * K2 + a * K + k]!;
            X[(m + 1) * K4 + ((a * K + k) * K + l) * K + b] = v;
          }
      }
  }
  return { P, G, X };
}

/** One EM step over the sequences: the log-likelihood of the weekly counts at `f`, and (with `update`) the next parameters. */
function emStep(f: Flat, s: WeeklySequences, update: boolean): { ll: number; next: Flat } {
  const { C, K } = f;
  const K2 = K * K;
  const K3 = K2 * K;
  const K4 = K3 * K;
  const tables = Array.from({ length: C }, (_, c) => runTables(f, c, s.maxRun, update));
  // A full week's emission chances by state and count, worked out once a step: all but a first week are full.
  const maxCount = 7;
  const fullWeek = new Float64Array(C * K * (maxCount + 1));
  for (let ck = 0; ck < C * K; ck++) for (let n = 0; n <= maxCount; n++) fullWeek[ck * (maxCount + 1) + n] = emit(f.lam[ck]!, 1, n);
  let maxSeg = 1;
  for (let i = 0; i < s.size; i++) maxSeg = Math.max(maxSeg, s.offset[i + 1]! - s.offset[i]!);
  const alpha = new Float64Array(maxSeg * K);
  const beta = new Float64Array(maxSeg * K);
  const scale = new Float64Array(maxSeg);
  const b = new Float64Array(maxSeg * K);
  const W = new Float64Array(C);
  const PI = new Float64Array(C * K);
  const XI = new Float64Array(C * K2);
  const LN = new Float64Array(C * K);
  const LD = new Float64Array(C * K);
  const cPI = new Float64Array(C * K);
  const cXI = new Float64Array(C * K2);
  const cLN = new Float64Array(C * K);
  const cLD = new Float64Array(C * K);
  const logL = new Float64Array(C);
  let ll = 0;
  for (let i = 0; i < s.size; i++) {
    const o0 = s.offset[i]!;
    const L = s.offset[i + 1]! - o0;
    if (L === 0) continue;
    for (let c = 0; c < C; c++) {
      const cK = c * K;
      const { P, G, X } = tables[c]!;
      for (let t = 0; t < L; t++) {
        if (s.run[o0 + t] !== 0) continue;
        const ex = s.exposure[o0 + t]!;
        const n = s.count[o0 + t]!;
        for (let k = 0; k < K; k++) b[t * K + k] = ex === 1 && n <= maxCount ? fullWeek[(cK + k) * (maxCount + 1) + n]! : emit(f.lam[cK + k]!, ex, n);
      }
      // Forward, scaled.
      let sum = 0;
      for (let k = 0; k < K; k++) sum += alpha[k] = f.pi[cK + k]! * b[k]!;
      scale[0] = sum;
      for (let k = 0; k < K; k++) alpha[k]! /= sum;
      let lc = Math.log(sum);
      for (let t = 1; t < L; t++) {
        const m = s.run[o0 + t]!;
        sum = 0;
        for (let l = 0; l < K; l++) {
          let v = 0;
          if (m === 0) {
            for (let k = 0; k < K; k++) v += alpha[(t - 1) * K + k]! * f.A[(cK + k) * K + l]!;
            v *= b[t * K + l]!;
          } else for (let k = 0; k < K; k++) v += alpha[(t - 1) * K + k]! * P[m * K2 + k * K + l]!;
          alpha[t * K + l] = v;
          sum += v;
        }
        scale[t] = sum;
        for (let l = 0; l < K; l++) alpha[t * K + l]! /= sum;
        lc += Math.log(sum);
      }
      logL[c] = lc;
      if (!update) continue;
      // Backward, with the same scaling.
      for (let k = 0; k < K; k++) beta[(L - 1) * K + k] = 1;
      for (let t = L - 2; t >= 0; t--) {
        const m = s.run[o0 + t + 1]!;
        for (let k = 0; k < K; k++) {
          let v = 0;
          if (m === 0) for (let l = 0; l < K; l++) v += f.A[(cK + k) * K + l]! * b[(t + 1) * K + l]! * beta[(t + 1) * K + l]!;
          else for (let l = 0; l < K; l++) v += P[m * K2 + k * K + l]! * beta[(t + 1) * K + l]!;
          beta[t * K + k] = v / scale[t + 1]!;
        }
      }
      for (let k = 0; k < K; k++) {
        cPI[cK + k] = alpha[k]! * beta[k]!;
        cLN[cK + k] = 0;
        cLD[cK + k] = 0;
      }
      for (let k = 0; k < K2; k++) cXI[c * K2 + k] = 0;
      for (let t = 0; t < L; t++) {
        const m = s.run[o0 + t]!;
        if (m === 0) {
          for (let k = 0; k < K; k++) {
            const g = alpha[t * K + k]! * beta[t * K + k]!;
            cLN[cK + k]! += g * s.count[o0 + t]!;
            cLD[cK + k]! += g * s.exposure[o0 + t]!;
          }
        } else {
          // The run's weeks in each state and its m transitions, from the segment before it.
          const inv = 1 / scale[t]!;
          for (let a = 0; a < K; a++) {
            const aa = alpha[(t - 1) * K + a]! * inv;
            if (aa === 0) continue;
            for (let k = 0; k < K; k++) {
              let g = 0;
              for (let bb = 0; bb < K; bb++) g += G![m * K3 + (a * K + k) * K + bb]! * beta[t * K + bb]!;
              cLD[cK + k]! += aa * g;
              for (let l = 0; l < K; l++) {
                let x = 0;
                for (let bb = 0; bb < K; bb++) x += X![m * K4 + ((a * K + k) * K + l) * K + bb]! * beta[t * K + bb]!;
                cXI[c * K2 + k * K + l]! += aa * x * f.A[(cK + k) * K + l]! * Math.exp(-f.lam[cK + l]!);
              }
            }
          }
        }
        if (t + 1 < L && s.run[o0 + t + 1] === 0) {
          for (let k = 0; k < K; k++)
            for (let l = 0; l < K; l++) cXI[c * K2 + k * K + l]! += (alpha[t * K + k]! * f.A[(cK + k) * K + l]! * b[(t + 1) * K + l]! * beta[(t + 1) * K + l]!) / scale[t + 1]!;
        }
      }
    }
    let mx = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < C; c++) mx = Math.max(mx, Math.log(f.w[c]!) + logL[c]!);
    let z = 0;
    for (let c = 0; c < C; c++) z += Math.exp(Math.log(f.w[c]!) + logL[c]! - mx);
    const wi = s.weight[i]!;
    ll += wi * (mx + Math.log(z));
    if (!update) continue;
    for (let c = 0; c < C; c++) {
      const r = (wi * Math.exp(Math.log(f.w[c]!) + logL[c]! - mx)) / z;
      W[c]! += r;
      for (let k = 0; k < K; k++) {
        PI[c * K + k]! += r * cPI[c * K + k]!;
        LN[c * K + k]! += r * cLN[c * K + k]!;
        LD[c * K + k]! += r * cLD[c * K + k]!;
      }
      for (let k = 0; k < K2; k++) XI[c * K2 + k]! += r * cXI[c * K2 + k]!;
    }
  }
  if (!update) return { ll, next: f };
  // M step; the floors keep every probability and rate off zero, where EM could never leave it.
  const next: Flat = { C, K, w: new Float64Array(C), pi: new Float64Array(C * K), A: new Float64Array(C * K2), lam: new Float64Array(C * K) };
  const wt = W.reduce((x, y) => x + y, 0);
  for (let c = 0; c < C; c++) {
    next.w[c] = Math.max(W[c]! / wt, 1e-6);
    let ps = 0;
    for (let k = 0; k < K; k++) ps += PI[c * K + k]!;
    for (let k = 0; k < K; k++) {
      next.pi[c * K + k] = Math.max(PI[c * K + k]! / ps, 1e-10);
      next.lam[c * K + k] = Math.max(LN[c * K + k]! / Math.max(LD[c * K + k]!, 1e-12), 1e-6);
      let xs = 0;
      for (let l = 0; l < K; l++) xs += XI[c * K2 + k * K + l]!;
      for (let l = 0; l < K; l++) next.A[c * K2 + k * K + l] = xs > 0 ? Math.max(XI[c * K2 + k * K + l]! / xs, 1e-10) : k === l ? 1 : 0;
    }
  }
  return { ll, next };
}

/** One EM step in the public shape (for tests): the log-likelihood at `params` and the parameters after the step, in the same state order. */
export function hiddenMarkovEmStep(params: HiddenMarkovParams, s: WeeklySequences): { logLikelihood: number; next: HiddenMarkovParams } {
  const { ll, next } = emStep(toFlat(params), s, true);
  const { C, K } = next;
  const classes: HiddenMarkovClass[] = [];
  for (let c = 0; c < C; c++) {
    const ks = Array.from({ length: K }, (_, k) => k);
    classes.push({
      weight: next.w[c]!,
      start: ks.map((k) => next.pi[c * K + k]!),
      transition: ks.map((k) => ks.map((l) => next.A[(c * K + k) * K + l]!)),
      rates: ks.map((k) => next.lam[c * K + k]!),
    });
  }
  return { logLikelihood: ll, next: { classes } };
}

/** Log-likelihood of the weekly visit counts (a probability: the weeks' Poisson counts, not the days). */
export function hiddenMarkovLogLikelihood(params: HiddenMarkovParams, s: WeeklySequences): number {
  return emStep(toFlat(params), s, false).ll;
}

/**
 * The term that turns the weekly counts' log-likelihood into the density of the visit days, comparable with the
 * BG/NBD family's likelihood in days: given n visit days in a week of d days, any n distinct days are as likely
 * (ln n! − n ln d per week with a visit; the density of n ordered uniform points).
 */
export function countsToDaysTerm(histories: readonly WeeklyHistory[]): number {
  let total = 0;
  for (const h of histories)
    h.counts.forEach((n, t) => {
      if (n > 0) total += lnFactorial(n) - n * Math.log(t === 0 ? h.firstWeekDays : 7);
    });
  return total;
}

// ---- fit ----

const flatten = (f: Flat): Float64Array => Float64Array.from([...f.w, ...f.pi, ...f.A, ...f.lam]);

/** A SQUAREM extrapolation back into parameters; null when it leaves the space (a probability outside [0, 1], a negative rate). */
function unflatten(like: Flat, v: Float64Array): Flat | null {
  for (const x of v) if (!(x >= 0)) return null;
  const { C, K } = like;
  let o = 0;
  const take = (n: number) => v.slice(o, (o += n));
  const f: Flat = { C, K, w: take(C), pi: take(C * K), A: take(C * K * K), lam: take(C * K) };
  for (const arr of [f.w, f.pi, f.A]) for (const x of arr) if (x > 1) return null;
  return f;
}

/** A deterministic start: classes a factor 3 apart in rate, states a factor 6.7 apart, sticky transitions; jittered by the seeded generator. */
function startingPoint(C: number, K: number, seed: number): Flat {
  const rng = createRng(seed);
  const f: Flat = { C, K, w: new Float64Array(C).fill(1 / C), pi: new Float64Array(C * K), A: new Float64Array(C * K * K), lam: new Float64Array(C * K) };
  for (let c = 0; c < C; c++) {
    const scale = Math.pow(3, c - (C - 1) / 2) * (0.7 + 0.6 * rng.next());
    for (let k = 0; k < K; k++) {
      f.lam[c * K + k] = scale * 0.6 * Math.pow(0.15, k) * (0.7 + 0.6 * rng.next());
      f.pi[c * K + k] = (K - k) / ((K * (K + 1)) / 2);
      const stay = 0.85 + 0.1 * rng.next();
      for (let l = 0; l < K; l++) f.A[(c * K + k) * K + l] = k === l ? stay : (1 - stay) / (K - 1);
    }
  }
  return f;
}

export interface HiddenMarkovFitOptions {
  classes: number;
  states: number;
  /** EM runs `burnIn` iterations from this many deterministic starting points; the best goes on to convergence. */
  starts: number;
  burnIn: number;
  /** Stop when an iteration gains less than this per customer fitted. */
  tolerance: number;
  maxIterations: number;
  /** A store with more customers is fitted on a seeded random sample of this many (the figures are then scored for everyone). */
  sampleSize: number;
  seed: number;
  minCustomers: number;
  minRepeatBuyers: number;
  /** The longest time from a first visit to the day scored must reach this, in days. */
  minHistoryDays: number;
}

export const DEFAULT_HIDDEN_MARKOV_OPTIONS: Readonly<HiddenMarkovFitOptions> = Object.freeze({
  classes: 2,
  states: 2,
  starts: 2,
  burnIn: 10,
  tolerance: 1e-6,
  maxIterations: 2000,
  sampleSize: 20_000,
  seed: 1,
  minCustomers: 50,
  minRepeatBuyers: 20,
  minHistoryDays: 90,
});

export interface HiddenMarkovFit {
  params: HiddenMarkovParams;
  /** Of the weekly counts of the customers fitted on. */
  logLikelihood: number;
  customers: number;
  /** Customers the fit ran on (all, or the sample). */
  fittedOn: number;
  distinctSequences: number;
  iterations: number;
  converged: boolean;
}

/**
 * Maximum likelihood by EM (Baum–Welch with class responsibilities), sped up by SQUAREM (Varadhan and Roland 2008:
 * two EM steps, a step along their extrapolation kept only when an EM step from it does not lose likelihood), from
 * `starts` seeded starting points.
 */
export function fitHiddenMarkov(histories: readonly WeeklyHistory[], options: Partial<HiddenMarkovFitOptions> = {}): Result<HiddenMarkovFit, CannotFit> {
  const o = { ...DEFAULT_HIDDEN_MARKOV_OPTIONS, ...options };
  if (histories.length < o.minCustomers) return err({ code: 'too-few-customers', params: { have: histories.length, need: o.minCustomers } });
  let repeatBuyers = 0;
  let longest = 0;
  for (const h of histories) {
    if (h.counts.some((n) => n > 0)) repeatBuyers++;
    longest = Math.max(longest, historyDays(h));
  }
  if (repeatBuyers < o.minRepeatBuyers) return err({ code: 'too-few-repeat-buyers', params: { have: repeatBuyers, need: o.minRepeatBuyers } });
  if (longest < o.minHistoryDays) return err({ code: 'history-too-short', params: { have: longest, need: o.minHistoryDays } });

  const fitted = histories.length > o.sampleSize ? sample(histories, o.sampleSize, o.seed) : histories;
  const s = weeklySequences(fitted);
  const tol = o.tolerance * fitted.length;
  // One EM step (the first few) or one SQUAREM step from f: the parameters after it and the likelihood they improve on.
  const step = (f: Flat, it: number): { f: Flat; ll: number } => {
    if (it < 3) {
      const one = emStep(f, s, true);
      return { f: one.next, ll: one.ll };
    }
    const s1 = emStep(f, s, true);
    const s2 = emStep(s1.next, s, true);
    const t0 = flatten(f);
    const t1 = flatten(s1.next);
    const t2 = flatten(s2.next);
    let rr = 0;
    let vv = 0;
    for (let j = 0; j < t0.length; j++) {
      const r = t1[j]! - t0[j]!;
      const v = t2[j]! - 2 * t1[j]! + t0[j]!;
      rr += r * r;
      vv += v * v;
    }
    let a = vv > 0 ? -Math.sqrt(rr / vv) : -1;
    let candidate: Flat | null = null;
    while (a < -1) {
      const v = t0.map((x, j) => x - 2 * a * (t1[j]! - x) + a * a * (t2[j]! - 2 * t1[j]! + x));
      candidate = unflatten(f, v);
      if (candidate) break;
      a = (a - 1) / 2;
      if (a > -1.01) a = -1;
    }
    // s2.ll is the likelihood at s1.next; s2.next is at least as good.
    if (candidate) {
      const s3 = emStep(candidate, s, true);
      if (s3.ll >= s2.ll) return { f: s3.next, ll: s3.ll };
    }
    return { f: s2.next, ll: s2.ll };
  };
  const run = (from: { f: Flat; it: number }, until: number) => {
    let { f, it } = from;
    let prev = Number.NEGATIVE_INFINITY;
    let converged = false;
    for (; it < until; it++) {
      const next = step(f, it);
      if (!Number.isFinite(next.ll)) break;
      f = next.f;
      if (next.ll - prev < tol && it > 5) {
        converged = true;
        break;
      }
      prev = next.ll;
    }
    return { f, it, converged, ll: emStep(f, s, false).ll };
  };
  // Every start runs a few steps; the best goes on to convergence (the others seldom overtake it, and each costs as much).
  let best: { f: Flat; it: number; converged: boolean; ll: number } | null = null;
  for (let start = 0; start < o.starts; start++) {
    const short = run({ f: startingPoint(o.classes, o.states, o.seed + start), it: 0 }, o.starts > 1 ? o.burnIn : o.maxIterations);
    if (Number.isFinite(short.ll) && (!best || short.ll > best.ll)) best = short;
  }
  if (best && !best.converged && o.starts > 1) {
    const long = run(best, o.maxIterations);
    if (Number.isFinite(long.ll)) best = long;
  }
  if (!best) return err({ code: 'fit-failed', params: { have: 0, need: 0 } });
  return ok({
    params: fromFlat(best.f),
    logLikelihood: best.ll,
    customers: histories.length,
    fittedOn: fitted.length,
    distinctSequences: s.size,
    iterations: best.it,
    converged: best.converged,
  });
}

/** `size` of the histories without replacement, seeded (a partial Fisher–Yates shuffle of the indexes). */
function sample<T>(items: readonly T[], size: number, seed: number): T[] {
  const rng = createRng(seed);
  const index = Int32Array.from({ length: items.length }, (_, i) => i);
  const out: T[] = [];
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rng.next() * (items.length - i));
    const t = index[i]!;
    index[i] = index[j]!;
    index[j] = t;
    out.push(items[index[i]!]!);
  }
  return out;
}

// ---- figures per customer ----

export interface HiddenMarkovFigures {
  /** P(class c and state k in the week ending on the day scored | the customer's weeks): [class][state] in the order of the parameters, summing to 1. */
  stateNow: number[][];
  /**
   * The chance they are in their class's buying state (highest rate) now rather than dormant; for a customer whose
   * first visit is the day scored, the chance of starting in it. Low for most customers of a store like CDNOW, where
   * even the buying state visits every few months and is left within weeks: a state, not a verdict.
   */
  pBuying: number;
  /**
   * Chance still a customer: the chance of at least one visit in the next `stillCustomerDays` (a year by default). No
   * state is left for good, so "still a customer" cannot mean the BG/NBD's "not dropped out" (that chance is 1 for
   * everyone); it means still coming within a year, which is what a clerk reads "about a 1 in 5 chance they are still
   * coming" as.
   */
  pStillCustomer: number;
  /** Expected visit days in the next `horizonDays` days. */
  expectedVisits: number;
  /** Chance of at least one visit in the next `horizonDays` days. */
  pVisit: number;
}

/**
 * Scores customers as of their day scored over the next `horizonDays` days (exact under the model: the horizon is
 * whole weeks and a last part-week, each week's state stepped from the last and its rate scaled by its days). The
 * forward pass steps over runs of empty weeks with powers of A·D0 kept between customers.
 */
export function hiddenMarkovScorer(params: HiddenMarkovParams, horizonDays: number, stillCustomerDays = 365): (h: WeeklyHistory) => HiddenMarkovFigures {
  const f = toFlat(params);
  const { C, K } = f;
  const K2 = K * K;
  const weeksOf = (days: number) => {
    const out: number[] = [];
    for (let d = days; d > 1e-9; d -= 7) out.push(Math.min(7, d) / 7);
    return out;
  };
  // Per class and state: expected visits and the chance of none over `days`, starting from that state either in the
  // last week seen (stepped once before the first forecast week) or in the first forecast week itself.
  const aheadOver = (days: number) => Array.from({ length: C }, (_, c) => {
    const cK = c * K;
    const weeks = weeksOf(days);
    const run = (k0: number, stepFirst: boolean) => {
      let u = new Float64Array(K);
      u[k0] = 1;
      let q = u.slice();
      let e = 0;
      weeks.forEach((ex, h) => {
        if (h > 0 || stepFirst) {
          const u2 = new Float64Array(K);
          const q2 = new Float64Array(K);
          for (let k = 0; k < K; k++)
            for (let l = 0; l < K; l++) {
              u2[l]! += u[k]! * f.A[(cK + k) * K + l]!;
              q2[l]! += q[k]! * f.A[(cK + k) * K + l]!;
            }
          u = u2;
          q = q2;
        }
        for (let l = 0; l < K; l++) {
          e += u[l]! * f.lam[cK + l]! * ex;
          q[l]! *= Math.exp(-f.lam[cK + l]! * ex);
        }
      });
      return { e, none: q.reduce((x, y) => x + y, 0) };
    };
    return { fromLast: Array.from({ length: K }, (_, k) => run(k, true)), fromFirst: Array.from({ length: K }, (_, k) => run(k, false)) };
  });
  const ahead = aheadOver(horizonDays);
  const aheadStill = aheadOver(stillCustomerDays);
  // Which flat state is each class's buying state (highest rate).
  const buying = Array.from({ length: C }, (_, c) => {
    let best = 0;
    for (let k = 1; k < K; k++) if (f.lam[c * K + k]! > f.lam[c * K + best]!) best = k;
    return best;
  });
  const powers: Float64Array[] = Array.from({ length: C }, () => new Float64Array(0));
  const power = (c: number, m: number): Float64Array => {
    if (powers[c]!.length < (m + 1) * K2) powers[c] = runTables(f, c, Math.max(m, 2 * (powers[c]!.length / K2)), false).P;
    return powers[c]!;
  };
  const alpha = new Float64Array(K);
  const tmp = new Float64Array(K);
  const logL = new Float64Array(C);
  const filtered = new Float64Array(C * K);
  return (h) => {
    const L = h.counts.length;
    for (let c = 0; c < C; c++) {
      const cK = c * K;
      let lc = 0;
      if (L === 0) for (let k = 0; k < K; k++) alpha[k] = f.pi[cK + k]!;
      for (let t = 0; t < L; ) {
        let m = 0;
        if (t > 0) while (t + m < L && h.counts[t + m] === 0) m++;
        let sum = 0;
        if (m > 0) {
          const P = power(c, m);
          for (let l = 0; l < K; l++) {
            let v = 0;
            for (let k = 0; k < K; k++) v += alpha[k]! * P[m * K2 + k * K + l]!;
            tmp[l] = v;
            sum += v;
          }
          t += m;
        } else {
          const n = h.counts[t]!;
          const ex = t === 0 ? h.firstWeekDays / 7 : 1;
          for (let l = 0; l < K; l++) {
            let v: number;
            if (t === 0) v = f.pi[cK + l]!;
            else {
              v = 0;
              for (let k = 0; k < K; k++) v += alpha[k]! * f.A[(cK + k) * K + l]!;
            }
            tmp[l] = v * emit(f.lam[cK + l]!, ex, n);
            sum += tmp[l]!;
          }
          t += 1;
        }
        for (let l = 0; l < K; l++) alpha[l] = tmp[l]! / sum;
        lc += Math.log(sum);
      }
      logL[c] = lc;
      for (let k = 0; k < K; k++) filtered[cK + k] = alpha[k]!;
    }
    let mx = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < C; c++) mx = Math.max(mx, Math.log(f.w[c]!) + logL[c]!);
    let z = 0;
    for (let c = 0; c < C; c++) z += Math.exp(Math.log(f.w[c]!) + logL[c]! - mx);
    let e = 0;
    let none = 0;
    let noneStill = 0;
    let buyingNow = 0;
    const stateNow: number[][] = [];
    for (let c = 0; c < C; c++) {
      const r = Math.exp(Math.log(f.w[c]!) + logL[c]! - mx) / z;
      const from = L === 0 ? ahead[c]!.fromFirst : ahead[c]!.fromLast;
      const fromStill = L === 0 ? aheadStill[c]!.fromFirst : aheadStill[c]!.fromLast;
      const row: number[] = [];
      for (let k = 0; k < K; k++) {
        const p = r * filtered[c * K + k]!;
        row.push(p);
        e += p * from[k]!.e;
        none += p * from[k]!.none;
        noneStill += p * fromStill[k]!.none;
      }
      buyingNow += row[buying[c]!]!;
      stateNow.push(row);
    }
    return { stateNow, pBuying: buyingNow, pStillCustomer: 1 - noneStill, expectedVisits: e, pVisit: 1 - none };
  };
}
