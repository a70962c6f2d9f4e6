// 招商手册示例：为聊城生成 2026 年招商项目手册（HTML 带产业链图谱、Markdown、Excel、CSV）。
// Handbook example: write the 聊城 investment-promotion handbook (HTML with chain maps, Markdown, XLSX, CSV).
//
// Run after `npm run build`:  npx tsx examples/generate-handbook.ts [OUT_DIR]   (default: out/handbook)
import { statSync } from 'node:fs';
import { liaocheng, writeHandbookFiles } from 'chain-targeting';

const outDir = process.argv[2] ?? 'out/handbook';
const { handbook, files } = await writeHandbookFiles(liaocheng(), { outDir, top: 10, date: '2026-11-30' });

console.log(`${handbook.title}（${handbook.date}）`);
console.log(`全市链条完整度 ${(handbook.overview.city.completeness * 100).toFixed(2)}%，本地配套率 ${(handbook.overview.city.localSupplyRate * 100).toFixed(2)}%`);
console.log(`${handbook.chapters.length} 章（每条产业链一章），全市重点目标企业：`);
for (const t of handbook.overview.topTargets.slice(0, 5)) console.log(`  ${t.rank}. ${t.name}（${t.id}）`);
console.log('已写入：');
for (const [kind, path] of Object.entries(files)) console.log(`  ${kind}: ${path} (${statSync(path).size} bytes)`);
