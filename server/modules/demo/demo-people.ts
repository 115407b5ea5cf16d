import { makeCnId } from '../../../contracts/cn-ids.js';

/**
 * Deterministic demo people: names that sound like Henan families of the 1970s (parents) and the
 * 2000s-2010s (children), valid ID numbers of Jiaozuo's counties that never repeat, mobile numbers,
 * and the schools a Jiaozuo student goes to. The same seed gives the same people on every load.
 */

/** mulberry32: a small, fast, seedable PRNG (the demo must be the same on every load). */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof seededRandom>;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '程', '魏', '吕', '丁', '任', '沈', '姚', '卢', '崔', '范', '孟', '牛', '申', '原', '秦'];
const PARENT_MALE = ['建军', '国强', '卫东', '建国', '志刚', '保国', '红军', '新民', '德胜', '振华', '海军', '永生', '国华', '建设', '小军', '长青', '文斌', '俊峰', '金锁', '铁柱', '明亮', '学军', '春生', '向阳', '广民'];
const PARENT_FEMALE = ['红梅', '秀英', '桂兰', '丽娟', '玉兰', '淑芬', '春燕', '海燕', '小红', '秀芳', '翠花', '爱玲', '素琴', '彩霞', '艳红', '金凤', '巧云', '美玲', '慧敏', '月娥', '晓霞', '玉梅', '冬梅', '雪琴', '凤英'];
const CHILD_MALE = ['浩然', '子轩', '宇航', '俊杰', '志远', '博文', '梓豪', '一鸣', '思远', '天宇', '明轩', '家豪', '宇轩', '晨阳', '嘉诚', '子豪', '佳乐', '锦程', '文韬', '浩宇', '奕辰', '皓轩', '梓睿', '铭泽', '子墨'];
const CHILD_FEMALE = ['子涵', '欣怡', '梓萱', '雨桐', '佳怡', '思琪', '晓燕', '一诺', '诗涵', '可欣', '梦瑶', '雨欣', '若曦', '语嫣', '静怡', '紫涵', '佳琪', '雅琪', '书瑶', '晨曦', '欣悦', '梓涵', '艺涵', '心怡', '安琪'];

export const JIAOZUO_REGIONS = ['410802', '410803', '410804', '410811', '410821', '410822', '410823', '410825', '410882', '410883'] as const;

export interface DemoPerson {
  name: string;
  idNumber: string;
  sex: 'M' | 'F';
  birthDate: string;
}

/** Makes people with ID numbers unique across the demo (sequence numbers from 200: the household demo uses 100-199). */
export function peopleFactory(random: Random) {
  const used = new Set<string>();
  let phoneSeq = 0;
  return {
    surname: () => random.pick(SURNAMES),
    person(opts: { surname?: string; sex?: 'M' | 'F'; born: [fromYear: number, toYear: number]; region: string; generation: 'parent' | 'child' }): DemoPerson {
      const sex = opts.sex ?? (random.chance(0.5) ? 'M' : 'F');
      const given = opts.generation === 'parent' ? (sex === 'M' ? PARENT_MALE : PARENT_FEMALE) : sex === 'M' ? CHILD_MALE : CHILD_FEMALE;
      const name = (opts.surname ?? random.pick(SURNAMES)) + random.pick(given);
      for (;;) {
        const birthDate = `${random.int(opts.born[0], opts.born[1])}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
        // The 17th digit is odd for a man, even for a woman.
        const seq = random.int(20, 99) * 10 + (sex === 'M' ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]));
        const idNumber = makeCnId(opts.region, birthDate.replaceAll('-', ''), String(seq));
        if (used.has(idNumber)) continue;
        used.add(idNumber);
        return { name, idNumber, sex, birthDate };
      }
    },
    phone(): string {
      phoneSeq += 1;
      const prefix = ['139', '138', '137', '135', '158', '159', '186', '151', '152', '187'][phoneSeq % 10];
      return `${prefix}${String(39100000 + phoneSeq * 37).padStart(8, '0')}`;
    },
  };
}
export type PeopleFactory = ReturnType<typeof peopleFactory>;

/** Where a Jiaozuo student of each stage studies (real schools; majors for universities and colleges). */
export const SCHOOLS: Record<string, string[]> = {
  preschool: ['焦作市实验幼儿园', '解放区第一幼儿园', '山阳区机关幼儿园', '中站区中心幼儿园', '马村区实验幼儿园', '沁阳市实验幼儿园', '温县第一幼儿园', '武陟县实验幼儿园'],
  primary: ['焦作市人民路小学', '解放区实验小学', '山阳区东方红小学', '中站区实验小学', '马村区实验小学', '修武县实验小学', '博爱县实验小学', '孟州市实验小学', '温县实验小学', '沁阳市实验小学'],
  junior: ['焦作市第十二中学', '焦作市实验中学', '焦作市第十九中学', '中站区实验中学', '马村区实验中学', '武陟县实验中学', '沁阳市永威学校', '孟州市实验中学'],
  senior: ['焦作市第一中学', '焦作市第十一中学', '焦作市外国语中学', '沁阳市第一中学', '温县第一高级中学', '武陟县第一中学', '博爱县第一中学', '修武县第一中学', '孟州市第一高级中学'],
  vocational: ['焦作市职业技术学校', '焦作市技师学院', '焦作市财经学校', '温县职业教育中心', '武陟县职业教育中心', '沁阳市职业教育中心'],
  college: ['焦作大学', '焦作师范高等专科学校', '河南工业职业技术学院', '郑州铁路职业技术学院', '河南职业技术学院', '焦作工贸职业学院', '河南应用技术职业学院'],
  undergraduate: ['河南理工大学', '郑州大学', '河南大学', '河南师范大学', '河南农业大学', '华北水利水电大学', '河南科技大学', '郑州轻工业大学', '河南工业大学', '新乡医学院', '洛阳理工学院', '河南中医药大学', '信阳师范学院', '武汉理工大学', '西安交通大学'],
  postgraduate: ['郑州大学', '河南理工大学', '河南大学'],
};
export const MAJORS: Record<string, string[]> = {
  college: ['机电一体化技术', '学前教育', '护理', '会计', '计算机应用技术', '铁道交通运营管理', '汽车检测与维修技术'],
  undergraduate: ['采矿工程', '土木工程', '临床医学', '汉语言文学', '计算机科学与技术', '会计学', '机械设计制造及其自动化', '电气工程及其自动化', '护理学', '英语', '安全工程', '水利水电工程'],
  postgraduate: ['矿业工程', '材料科学与工程', '马克思主义理论'],
};
