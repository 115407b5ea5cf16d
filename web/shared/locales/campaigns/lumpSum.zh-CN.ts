// 一次性慰问批次（特别慰问金）。英文目录 lumpSum.en.ts 必须有相同的键。
const lumpSum = {
  title: '慰问批次',
} as const;

export default lumpSum;
