// dive's CI rules, with the same meaning: fail when efficiency is below a floor, or when wasted
// bytes (absolute, or as a share of the bytes the image's own layers add) are above a ceiling.
import { msg, type LocalizableMessage } from '../message';
import { formatBytes, formatPercent } from './formatBytes';
import type { ImageAnalysis } from './layerAnalysis';

export interface LayerThresholds {
  lowestEfficiency?: number;
  highestWastedBytes?: number;
  /** A ratio: 0.1 means 10 %. */
  highestUserWastedPercent?: number;
}

export type ThresholdRule = 'lowest-efficiency' | 'highest-wasted-bytes' | 'highest-user-wasted-percent';

export interface ThresholdCheck {
  rule: ThresholdRule;
  limit: number;
  actual: number;
  failed: boolean;
  message: LocalizableMessage;
}

export function checkThresholds(a: ImageAnalysis, t: LayerThresholds): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  if (t.lowestEfficiency !== undefined) {
    const failed = a.efficiency < t.lowestEfficiency;
    const args = [formatPercent(a.efficiency), formatPercent(t.lowestEfficiency)];
    checks.push({
      rule: 'lowest-efficiency',
      limit: t.lowestEfficiency,
      actual: a.efficiency,
      failed,
      message: failed
        ? msg('Efficiency {0} is below the allowed {1}: files that later layers delete or overwrite still take space in the layers that added them.', ...args)
        : msg('Efficiency {0} meets the allowed {1}.', ...args),
    });
  }
  if (t.highestWastedBytes !== undefined) {
    const failed = a.wastedBytes > t.highestWastedBytes;
    const args = [formatBytes(a.wastedBytes), formatBytes(t.highestWastedBytes)];
    checks.push({
      rule: 'highest-wasted-bytes',
      limit: t.highestWastedBytes,
      actual: a.wastedBytes,
      failed,
      message: failed
        ? msg('{0} are wasted, more than the allowed {1}: they are downloaded and stored with every copy of the image although no container can see them.', ...args)
        : msg('{0} wasted, within the allowed {1}.', ...args),
    });
  }
  if (t.highestUserWastedPercent !== undefined) {
    const failed = a.userWastedPercent > t.highestUserWastedPercent;
    const args = [formatPercent(a.userWastedPercent), formatPercent(t.highestUserWastedPercent)];
    checks.push({
      rule: 'highest-user-wasted-percent',
      limit: t.highestUserWastedPercent,
      actual: a.userWastedPercent,
      failed,
      message: failed
        ? msg('{0} of the bytes your layers add (above the base layer) are wasted, more than the allowed {1}: delete temporary files in the same RUN that creates them.', ...args)
        : msg('{0} of the bytes your layers add are wasted, within the allowed {1}.', ...args),
    });
  }
  return checks;
}

const UNITS: Record<string, number> = {
  '': 1, b: 1,
  k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, t: 1e12, tb: 1e12,
  kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4,
};

/** "20MB" (decimal, as dive and docker print), "20MiB", "1048576", "1.5 GB". */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = UNITS[m[2].toLowerCase()];
  return unit === undefined ? undefined : Math.round(Number(m[1]) * unit);
}

/** "0.1" (a ratio, as dive takes it), "10%"; a bare number above 1 is read as a percentage. */
export function parseRatio(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === '%' || n > 1 ? n / 100 : n;
}
