import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { mulberry32 } from '../../src/internal/random.js';
import type { Dataset } from '../../src/schema/index.js';
import { DEFAULT_SEED } from '../generate/dataset.js';

/**
 * SYNTHETIC bench inputs, not real city data: 16 city models derived from the 聊城 model by moving its home to
 * each of Shandong's 16 prefecture-level cities (centre coordinates from the 2016 admin divisions in
 * ../shared/data/external; 莱芜市, merged into 济南市 in 2019, is left out) and varying local presence with a fixed
 * seed (each local enterprise no other record refers to is kept with a per-city probability between 0.4 and 1).
 * The chains, segments, links and target companies are 聊城's; rail hours (to 聊城) are dropped so proximity is by
 * distance from the new home. Use them to time and test many-city scoring, never as a description of those cities.
 */
export function shandongCities(seed = DEFAULT_SEED, base: Dataset = liaocheng(), root = join(import.meta.dirname, '..', '..')): Dataset[] {
  const csv = readFileSync(join(root, '..', 'shared', 'data', 'external', 'cn_admin_divisions_coords_2016.csv'), 'utf8').trim().split('\n');
  const head = csv[0]!.split(',').map((h) => h.trim());
  const col = (name: string): number => head.indexOf(name);
  const prefectures = csv
    .slice(1)
    .map((line) => line.split(','))
    .filter((r) => r[col('province')] === '山东省' && r[col('level')] === 'city' && r[col('name')] !== '莱芜市')
    .map((r) => ({ adcode: r[col('adcode')]!, name: r[col('name')]!, lon: Number(r[col('longitude_gcj02')]), lat: Number(r[col('latitude_gcj02')]) }));
  if (prefectures.length !== 16) throw new Error(`shandongCities: expected 16 prefectures, found ${prefectures.length}`);
  // Local enterprises another record names (a project, a park, a correction, a company's tie …) stay, so every model validates.
  const others = JSON.stringify([base.links, base.companies, base.corrections, base.projects, base.parks, base.policies]);
  const random = mulberry32(seed);
  return prefectures.map((p) => {
    const keep = 0.4 + 0.6 * random();
    const enterprises = base.enterprises.filter((e) => others.includes(JSON.stringify(e.id)) || random() < keep);
    return {
      ...base,
      meta: {
        ...base.meta,
        id: `synthetic-sd-${p.adcode}`,
        name: `${p.name}（合成基准模型：聊城模型移至${p.name}，非真实数据）`,
        nameEn: `${p.name} (synthetic bench model derived from Liaocheng; not real data)`,
        home: { province: '山东省', city: p.name, lon: p.lon, lat: p.lat },
      },
      cities: base.cities.map(({ railHours: _r, ...c }) => c),
      enterprises,
    } as Dataset;
  });
}

/** Write datasets as dataset directories (dataset.json and one file per part) under `dir`, for `rank --datasets`; returns their paths. */
export function writeDatasetDirs(datasets: readonly Dataset[], dir: string): string[] {
  return datasets.map((ds) => {
    const d = join(dir, ds.meta.id);
    mkdirSync(d, { recursive: true });
    const { meta, ...parts } = ds;
    writeFileSync(join(d, 'dataset.json'), JSON.stringify(meta));
    for (const [k, v] of Object.entries(parts)) writeFileSync(join(d, `${k}.json`), JSON.stringify(v));
    return d;
  });
}
