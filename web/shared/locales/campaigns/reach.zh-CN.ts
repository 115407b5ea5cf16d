// 宣传发动、通知到人、应助尽助。英文目录 reach.en.ts 必须有相同的键。
const reach = {
  title: '通知到人',
} as const;

export default reach;
