/**
 * Default per-credit limits, one per currency Stripe charges in, each of the same order of
 * value: about what 100 US dollars is worth, rounded to a plain figure (1, 2 or 5 times a
 * power of ten) so that an agent reads it at a glance (¥20,000, not ¥14,937).
 *
 * The figures below are rough units per US dollar, from public mid-market rates of 2025,
 * kept to two significant digits. They are ORDERS OF MAGNITUDE, NOT EXCHANGE RATES: they
 * only keep a default from being absurd (¥100 is three dollars, KWD 100 is three hundred).
 * An agent or an administrator sets the figure that fits the team in Options or by policy.
 * Currencies: Stripe's list of presentment currencies (docs.stripe.com/currencies).
 */
const UNITS_PER_DOLLAR: Readonly<Record<string, number>> = {
  aed: 3.7,
  afn: 70,
  all: 90,
  amd: 390,
  ang: 1.8,
  aoa: 910,
  ars: 1000,
  aud: 1.5,
  awg: 1.8,
  azn: 1.7,
  bam: 1.7,
  bbd: 2,
  bdt: 120,
  bgn: 1.7,
  bhd: 0.38,
  bif: 2900,
  bmd: 1,
  bnd: 1.3,
  bob: 6.9,
  brl: 5.5,
  bsd: 1,
  bwp: 13,
  byn: 3.3,
  bzd: 2,
  cad: 1.4,
  cdf: 2800,
  chf: 0.85,
  clp: 950,
  cny: 7.2,
  cop: 4000,
  crc: 510,
  cve: 95,
  czk: 22,
  djf: 180,
  dkk: 6.5,
  dop: 60,
  dzd: 130,
  egp: 49,
  etb: 130,
  eur: 0.9,
  fjd: 2.3,
  fkp: 0.78,
  gbp: 0.78,
  gel: 2.7,
  gip: 0.78,
  gmd: 71,
  gnf: 8600,
  gtq: 7.7,
  gyd: 210,
  hkd: 7.8,
  hnl: 26,
  htg: 130,
  huf: 360,
  idr: 16000,
  ils: 3.6,
  inr: 85,
  isk: 135,
  jmd: 160,
  jod: 0.71,
  jpy: 150,
  kes: 130,
  kgs: 87,
  khr: 4000,
  kmf: 440,
  krw: 1400,
  kwd: 0.31,
  kyd: 0.83,
  kzt: 500,
  lak: 21000,
  lbp: 89000,
  lkr: 300,
  lrd: 200,
  lsl: 18,
  mad: 9.5,
  mdl: 18,
  mga: 4500,
  mkd: 55,
  mmk: 2100,
  mnt: 3400,
  mop: 8,
  mur: 46,
  mvr: 15,
  mwk: 1700,
  mxn: 19,
  myr: 4.4,
  mzn: 64,
  nad: 18,
  ngn: 1500,
  nio: 37,
  nok: 10,
  npr: 136,
  nzd: 1.7,
  omr: 0.38,
  pab: 1,
  pen: 3.7,
  pgk: 4,
  php: 57,
  pkr: 280,
  pln: 3.9,
  pyg: 7800,
  qar: 3.6,
  ron: 4.5,
  rsd: 105,
  rub: 90,
  rwf: 1400,
  sar: 3.75,
  sbd: 8.4,
  scr: 14,
  sek: 10,
  sgd: 1.3,
  shp: 0.78,
  sle: 23,
  sos: 570,
  srd: 36,
  stn: 22,
  szl: 18,
  thb: 34,
  tjs: 10,
  tnd: 3.1,
  top: 2.4,
  try: 38,
  ttd: 6.8,
  twd: 31,
  tzs: 2600,
  uah: 41,
  ugx: 3700,
  usd: 1,
  uyu: 40,
  uzs: 12800,
  vnd: 25000,
  vuv: 120,
  wst: 2.8,
  xaf: 590,
  xcd: 2.7,
  xof: 590,
  xpf: 108,
  yer: 250,
  zar: 18,
  zmw: 27,
};

/** The value every default is near, in US dollars. */
const REFERENCE_DOLLARS = 100;

/** The plain figure (1, 2 or 5 times a power of ten) nearest to `value` on a log scale. */
export function plainFigure(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const candidates = [1, 2, 5, 10].map((step) => step * power);
  let best = candidates[0]!;
  for (const candidate of candidates)
    if (Math.abs(Math.log(candidate / value)) < Math.abs(Math.log(best / value))) best = candidate;
  return best;
}

/** Default per-credit limits in each currency's major unit, lowercase codes. */
export const DEFAULT_CREDIT_LIMITS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(UNITS_PER_DOLLAR).map(([currency, units]) => [
    currency,
    plainFigure(units * REFERENCE_DOLLARS),
  ]),
);

/** A rolling day's credits may add up to this many times the per-credit limit, by default. */
export const DAILY_LIMIT_MULTIPLE = 5;

/** The largest limit, in a currency's major units, that Options or a policy may set. */
export const MAX_CURRENCY_LIMIT = 99_999_999;
