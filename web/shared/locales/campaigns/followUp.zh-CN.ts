// 回访与资助链条。英文目录 followUp.en.ts 必须有相同的键。
const followUp = {
  title: '回访',
} as const;

export default followUp;
