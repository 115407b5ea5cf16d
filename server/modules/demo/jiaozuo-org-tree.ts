/**
 * Demo org hierarchy for Jiaozuo (焦作市总工会 and the unions under it), used to seed a demo database.
 *
 * Shape (see the shared domain doc, docs/domain.md, "The org hierarchy"):
 *   city federation (JZ)
 *   ├── city aid centre (JZ-AID)
 *   ├── 11 county-level federations (JZ-JF, JZ-ZZ, …), each with
 *   │   ├── a worker aid centre (JZ-XX-AID)
 *   │   ├── township / street aid stations (JZ-XX-YY), some with grassroots unions (JZ-XX-YY-U01)
 *   │   └── grassroots unions directly under the district (JZ-XX-U01 …)
 *   └── industry unions (焦煤集团, 焦运集团, 众成教育集团, 教育, 卫生健康, 交通运输, 市直机关)
 *       └── grassroots unions (JZ-JM-ZG2 …)
 *
 * Codes are unique, uppercase ASCII (/^[A-Z0-9-]{2,32}$/) and hierarchical: a child's code is its
 * parent's code + '-' + a suffix. Names are unique across the tree. regionCode (GB/T 2260) is set on
 * the city and on the county-level federations only (示范区 is a functional zone without one);
 * descendants inherit their district's region. Street/town names are real where known, enterprise
 * names are plausible demo names and not claims about real organisations.
 *
 * Pure data: do not mutate at runtime; copy first if a caller needs to change it.
 */

export type OrgType =
  | 'city_federation'
  | 'district_federation'
  | 'aid_centre'
  | 'aid_station'
  | 'grassroots_union'
  | 'industry_union';

export interface DemoOrgNode {
  code: string;
  name: string;
  nameEn: string;
  type: OrgType;
  regionCode?: string;
  children?: DemoOrgNode[];
}

export const JIAOZUO_ORG_TREE: DemoOrgNode = {
  code: 'JZ', name: '焦作市总工会', nameEn: 'Jiaozuo Federation of Trade Unions', type: 'city_federation', regionCode: '410800',
  children: [
    { code: 'JZ-AID', name: '焦作市困难职工帮扶中心', nameEn: 'Jiaozuo Hardship Worker Aid Centre', type: 'aid_centre' },
    {
      code: 'JZ-JF', name: '解放区总工会', nameEn: 'Jiefang District Federation of Trade Unions', type: 'district_federation', regionCode: '410802',
      children: [
        { code: 'JZ-JF-AID', name: '解放区职工帮扶中心', nameEn: 'Jiefang District Worker Aid Centre', type: 'aid_centre' },
        { code: 'JZ-JF-JN', name: '焦南街道帮扶工作站', nameEn: 'Jiaonan Street Aid Station', type: 'aid_station' },
        { code: 'JZ-JF-JX', name: '焦西街道帮扶工作站', nameEn: 'Jiaoxi Street Aid Station', type: 'aid_station' },
        { code: 'JZ-JF-JB', name: '焦北街道帮扶工作站', nameEn: 'Jiaobei Street Aid Station', type: 'aid_station' },
        {
          code: 'JZ-JF-QBJ', name: '七百间街道帮扶工作站', nameEn: 'Qibaijian Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-JF-QBJ-U01', name: '解放区七百间街道商户联合工会', nameEn: 'Qibaijian Street Merchants Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-JF-XH', name: '新华街道帮扶工作站', nameEn: 'Xinhua Street Aid Station', type: 'aid_station' },
        { code: 'JZ-JF-MS', name: '民生街道帮扶工作站', nameEn: 'Minsheng Street Aid Station', type: 'aid_station' },
        { code: 'JZ-JF-MZ', name: '民主街道帮扶工作站', nameEn: 'Minzhu Street Aid Station', type: 'aid_station' },
        {
          code: 'JZ-JF-WC', name: '王褚街道帮扶工作站', nameEn: 'Wangchu Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-JF-WC-U01', name: '解放区王褚街道小微企业联合工会', nameEn: 'Wangchu Street Small Business Joint Union', type: 'grassroots_union' },
          ],
        },
        {
          code: 'JZ-JF-SBZ', name: '上白作街道帮扶工作站', nameEn: 'Shangbaizuo Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-JF-SBZ-U01', name: '解放区上白作街道田涧村联合工会', nameEn: 'Tianjian Village Joint Union (Shangbaizuo)', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-JF-U01', name: '解放区实验小学工会', nameEn: 'Jiefang District Experimental Primary School Union', type: 'grassroots_union' },
        { code: 'JZ-JF-U02', name: '解放区人民医院工会', nameEn: 'Jiefang District People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-JF-U03', name: '解放区城市管理局工会', nameEn: 'Jiefang District Urban Management Bureau Union', type: 'grassroots_union' },
        { code: 'JZ-JF-U04', name: '解放区环卫服务公司工会', nameEn: 'Jiefang District Sanitation Services Co. Union', type: 'grassroots_union' },
        { code: 'JZ-JF-U05', name: '解放区丹尼斯百货工会', nameEn: 'Jiefang District Dennis Department Store Union', type: 'grassroots_union' },
        { code: 'JZ-JF-U06', name: '解放区建业物业服务公司工会', nameEn: 'Jiefang District Jianye Property Services Union', type: 'grassroots_union' },
        { code: 'JZ-JF-U07', name: '解放区映湖路小学工会', nameEn: 'Jiefang District Yinghu Road Primary School Union', type: 'grassroots_union' },
        { code: 'JZ-JF-U08', name: '解放区快递物流行业联合工会', nameEn: 'Jiefang District Courier & Logistics Joint Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-ZZ', name: '中站区总工会', nameEn: 'Zhongzhan District Federation of Trade Unions', type: 'district_federation', regionCode: '410803',
      children: [
        { code: 'JZ-ZZ-AID', name: '中站区职工帮扶中心', nameEn: 'Zhongzhan District Worker Aid Centre', type: 'aid_centre' },
        {
          code: 'JZ-ZZ-FC', name: '府城街道帮扶工作站', nameEn: 'Fucheng Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-ZZ-FC-U01', name: '中站区府城街道农民工联合工会', nameEn: 'Fucheng Street Migrant Workers Joint Union', type: 'grassroots_union' },
          ],
        },
        {
          code: 'JZ-ZZ-LF', name: '李封街道帮扶工作站', nameEn: 'Lifeng Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-ZZ-LF-U01', name: '中站区李封街道小微企业联合工会', nameEn: 'Lifeng Street Small Business Joint Union', type: 'grassroots_union' },
            { code: 'JZ-ZZ-LF-U02', name: '中站区李封社区卫生服务中心工会', nameEn: 'Lifeng Community Health Centre Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-ZZ-ZC', name: '朱村街道帮扶工作站', nameEn: 'Zhucun Street Aid Station', type: 'aid_station' },
        { code: 'JZ-ZZ-FF', name: '冯封街道帮扶工作站', nameEn: 'Fengfeng Street Aid Station', type: 'aid_station' },
        { code: 'JZ-ZZ-LD', name: '龙洞街道帮扶工作站', nameEn: 'Longdong Street Aid Station', type: 'aid_station' },
        {
          code: 'JZ-ZZ-XH', name: '许衡街道帮扶工作站', nameEn: 'Xuheng Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-ZZ-XH-U01', name: '中站区许衡街道商户联合工会', nameEn: 'Xuheng Street Merchants Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-ZZ-YS', name: '月山街道帮扶工作站', nameEn: 'Yueshan Street Aid Station', type: 'aid_station' },
        { code: 'JZ-ZZ-DH', name: '丹河街道帮扶工作站', nameEn: 'Danhe Street Aid Station', type: 'aid_station' },
        { code: 'JZ-ZZ-WF', name: '王封街道帮扶工作站', nameEn: 'Wangfeng Street Aid Station', type: 'aid_station' },
        { code: 'JZ-ZZ-U01', name: '中站区龙翔精密铜管公司工会', nameEn: 'Zhongzhan Longxiang Precision Copper Tube Co. Union', type: 'grassroots_union' },
        { code: 'JZ-ZZ-U02', name: '中站区多氟多化工公司工会', nameEn: 'Zhongzhan Do-Fluoride Chemicals Co. Union', type: 'grassroots_union' },
        { code: 'JZ-ZZ-U03', name: '中站区焦作电厂工会', nameEn: 'Zhongzhan Jiaozuo Power Plant Union', type: 'grassroots_union' },
        { code: 'JZ-ZZ-U04', name: '中站区新星化工公司工会', nameEn: 'Zhongzhan Xinxing Chemicals Co. Union', type: 'grassroots_union' },
        { code: 'JZ-ZZ-U05', name: '中站区人民医院工会', nameEn: 'Zhongzhan District People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-ZZ-U06', name: '中站区实验小学工会', nameEn: 'Zhongzhan District Experimental Primary School Union', type: 'grassroots_union' },
        { code: 'JZ-ZZ-U07', name: '中站区环卫服务中心工会', nameEn: 'Zhongzhan District Sanitation Centre Union', type: 'grassroots_union' },
        { code: 'JZ-ZZ-U08', name: '中站区坚固环保公司工会', nameEn: 'Zhongzhan Jiangu Environmental Co. Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-MC', name: '马村区总工会', nameEn: 'Macun District Federation of Trade Unions', type: 'district_federation', regionCode: '410804',
      children: [
        { code: 'JZ-MC-AID', name: '马村区职工帮扶中心', nameEn: 'Macun District Worker Aid Centre', type: 'aid_centre' },
        { code: 'JZ-MC-MC', name: '马村街道帮扶工作站', nameEn: 'Macun Street Aid Station', type: 'aid_station' },
        {
          code: 'JZ-MC-DW', name: '待王街道帮扶工作站', nameEn: 'Daiwang Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-MC-DW-U01', name: '马村区待王街道农民工联合工会', nameEn: 'Daiwang Street Migrant Workers Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-MC-JLS', name: '九里山街道帮扶工作站', nameEn: 'Jiulishan Street Aid Station', type: 'aid_station' },
        { code: 'JZ-MC-FY', name: '冯营街道帮扶工作站', nameEn: 'Fengying Street Aid Station', type: 'aid_station' },
        {
          code: 'JZ-MC-YM', name: '演马街道帮扶工作站', nameEn: 'Yanma Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-MC-YM-U01', name: '马村区演马街道小微企业联合工会', nameEn: 'Yanma Street Small Business Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-MC-WW', name: '武王街道帮扶工作站', nameEn: 'Wuwang Street Aid Station', type: 'aid_station' },
        { code: 'JZ-MC-AYC', name: '安阳城街道帮扶工作站', nameEn: 'Anyangcheng Street Aid Station', type: 'aid_station' },
        { code: 'JZ-MC-U01', name: '马村区万方铝业公司工会', nameEn: 'Macun Wanfang Aluminium Co. Union', type: 'grassroots_union' },
        { code: 'JZ-MC-U02', name: '马村区金箭新材料公司工会', nameEn: 'Macun Jinjian New Materials Co. Union', type: 'grassroots_union' },
        { code: 'JZ-MC-U03', name: '马村区人民医院工会', nameEn: 'Macun District People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-MC-U04', name: '马村区实验中学工会', nameEn: 'Macun District Experimental Middle School Union', type: 'grassroots_union' },
        { code: 'JZ-MC-U05', name: '马村区建材物流公司工会', nameEn: 'Macun Building Materials Logistics Co. Union', type: 'grassroots_union' },
        { code: 'JZ-MC-U06', name: '马村区安阳城工业园区联合工会', nameEn: 'Macun Anyangcheng Industrial Park Joint Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-SY', name: '山阳区总工会', nameEn: 'Shanyang District Federation of Trade Unions', type: 'district_federation', regionCode: '410811',
      children: [
        { code: 'JZ-SY-AID', name: '山阳区职工帮扶中心', nameEn: 'Shanyang District Worker Aid Centre', type: 'aid_centre' },
        {
          code: 'JZ-SY-JD', name: '焦东街道帮扶工作站', nameEn: 'Jiaodong Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-SY-JD-U01', name: '山阳区焦东街道快递员联合工会', nameEn: 'Jiaodong Street Couriers Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-SY-DFH', name: '东方红街道帮扶工作站', nameEn: 'Dongfanghong Street Aid Station', type: 'aid_station' },
        { code: 'JZ-SY-BJF', name: '百间房街道帮扶工作站', nameEn: 'Baijianfang Street Aid Station', type: 'aid_station' },
        { code: 'JZ-SY-TH', name: '太行街道帮扶工作站', nameEn: 'Taihang Street Aid Station', type: 'aid_station' },
        {
          code: 'JZ-SY-YX', name: '艺新街道帮扶工作站', nameEn: 'Yixin Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-SY-YX-U01', name: '山阳区艺新街道社区卫生服务中心工会', nameEn: 'Yixin Community Health Centre Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-SY-XC', name: '新城街道帮扶工作站', nameEn: 'Xincheng Street Aid Station', type: 'aid_station' },
        { code: 'JZ-SY-DH', name: '定和街道帮扶工作站', nameEn: 'Dinghe Street Aid Station', type: 'aid_station' },
        { code: 'JZ-SY-GY', name: '光亚街道帮扶工作站', nameEn: 'Guangya Street Aid Station', type: 'aid_station' },
        { code: 'JZ-SY-ZX', name: '中星街道帮扶工作站', nameEn: 'Zhongxing Street Aid Station', type: 'aid_station' },
        { code: 'JZ-SY-U01', name: '山阳区风神轮胎公司工会', nameEn: 'Shanyang Aeolus Tyre Co. Union', type: 'grassroots_union' },
        { code: 'JZ-SY-U02', name: '山阳区人民医院工会', nameEn: 'Shanyang District People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-SY-U03', name: '山阳区实验小学工会', nameEn: 'Shanyang District Experimental Primary School Union', type: 'grassroots_union' },
        { code: 'JZ-SY-U04', name: '山阳区新城商贸公司工会', nameEn: 'Shanyang Xincheng Trading Co. Union', type: 'grassroots_union' },
        { code: 'JZ-SY-U05', name: '山阳区环卫服务公司工会', nameEn: 'Shanyang District Sanitation Services Co. Union', type: 'grassroots_union' },
        { code: 'JZ-SY-U06', name: '山阳区外卖骑手联合工会', nameEn: 'Shanyang District Delivery Riders Joint Union', type: 'grassroots_union' },
        { code: 'JZ-SY-U07', name: '山阳区建业城物业公司工会', nameEn: 'Shanyang Jianye City Property Co. Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-SF', name: '示范区总工会', nameEn: 'Jiaozuo Demonstration Zone Federation of Trade Unions', type: 'district_federation',
      children: [
        { code: 'JZ-SF-AID', name: '示范区职工帮扶中心', nameEn: 'Demonstration Zone Worker Aid Centre', type: 'aid_centre' },
        { code: 'JZ-SF-WC', name: '文昌街道帮扶工作站', nameEn: 'Wenchang Street Aid Station', type: 'aid_station' },
        { code: 'JZ-SF-LW', name: '李万街道帮扶工作站', nameEn: 'Liwan Street Aid Station', type: 'aid_station' },
        {
          code: 'JZ-SF-YM', name: '阳庙镇帮扶工作站', nameEn: 'Yangmiao Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-SF-YM-U01', name: '示范区阳庙镇卫生院工会', nameEn: 'Yangmiao Town Health Centre Union', type: 'grassroots_union' },
          ],
        },
        {
          code: 'JZ-SF-NG', name: '宁郭镇帮扶工作站', nameEn: 'Ningguo Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-SF-NG-U01', name: '示范区宁郭镇企业联合工会', nameEn: 'Ningguo Town Enterprises Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-SF-U01', name: '示范区高新技术企业联合工会', nameEn: 'Demonstration Zone High-Tech Enterprises Joint Union', type: 'grassroots_union' },
        { code: 'JZ-SF-U02', name: '示范区蒙牛乳业焦作公司工会', nameEn: 'Demonstration Zone Mengniu Dairy Jiaozuo Co. Union', type: 'grassroots_union' },
        { code: 'JZ-SF-U03', name: '示范区第一实验学校工会', nameEn: 'Demonstration Zone No.1 Experimental School Union', type: 'grassroots_union' },
        { code: 'JZ-SF-U04', name: '示范区新材料产业园联合工会', nameEn: 'Demonstration Zone New Materials Park Joint Union', type: 'grassroots_union' },
        { code: 'JZ-SF-U05', name: '示范区物流园区联合工会', nameEn: 'Demonstration Zone Logistics Park Joint Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-XW', name: '修武县总工会', nameEn: 'Xiuwu County Federation of Trade Unions', type: 'district_federation', regionCode: '410821',
      children: [
        { code: 'JZ-XW-AID', name: '修武县职工帮扶中心', nameEn: 'Xiuwu County Worker Aid Centre', type: 'aid_centre' },
        { code: 'JZ-XW-CG', name: '城关镇帮扶工作站', nameEn: 'Chengguan Town Aid Station', type: 'aid_station' },
        {
          code: 'JZ-XW-QX', name: '七贤镇帮扶工作站', nameEn: 'Qixian Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-XW-QX-U01', name: '修武县七贤镇民宿联合工会', nameEn: 'Qixian Town Guesthouses Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-XW-XF', name: '郇封镇帮扶工作站', nameEn: 'Xunfeng Town Aid Station', type: 'aid_station' },
        { code: 'JZ-XW-ZZ', name: '周庄镇帮扶工作站', nameEn: 'Zhouzhuang Town Aid Station', type: 'aid_station' },
        {
          code: 'JZ-XW-YTS', name: '云台山镇帮扶工作站', nameEn: 'Yuntaishan Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-XW-YTS-U01', name: '修武县云台山镇岸上村旅游服务联合工会', nameEn: 'Anshang Village Tourism Services Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-XW-WLY', name: '五里源乡帮扶工作站', nameEn: 'Wuliyuan Township Aid Station', type: 'aid_station' },
        { code: 'JZ-XW-WT', name: '王屯乡帮扶工作站', nameEn: 'Wangtun Township Aid Station', type: 'aid_station' },
        { code: 'JZ-XW-XC', name: '西村乡帮扶工作站', nameEn: 'Xicun Township Aid Station', type: 'aid_station' },
        { code: 'JZ-XW-U01', name: '修武县云台山旅游发展公司工会', nameEn: 'Xiuwu Yuntaishan Tourism Development Co. Union', type: 'grassroots_union' },
        { code: 'JZ-XW-U02', name: '修武县人民医院工会', nameEn: 'Xiuwu County People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-XW-U03', name: '修武县第一中学工会', nameEn: 'Xiuwu County No.1 Middle School Union', type: 'grassroots_union' },
        { code: 'JZ-XW-U04', name: '修武县千业水泥公司工会', nameEn: 'Xiuwu Qianye Cement Co. Union', type: 'grassroots_union' },
        { code: 'JZ-XW-U05', name: '修武县产业集聚区联合工会', nameEn: 'Xiuwu Industrial Cluster Joint Union', type: 'grassroots_union' },
        { code: 'JZ-XW-U06', name: '修武县供电公司工会', nameEn: 'Xiuwu Power Supply Co. Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-BA', name: '博爱县总工会', nameEn: 'Bo\'ai County Federation of Trade Unions', type: 'district_federation', regionCode: '410822',
      children: [
        { code: 'JZ-BA-AID', name: '博爱县职工帮扶中心', nameEn: 'Bo\'ai County Worker Aid Centre', type: 'aid_centre' },
        { code: 'JZ-BA-QH', name: '清化镇街道帮扶工作站', nameEn: 'Qinghuazhen Street Aid Station', type: 'aid_station' },
        { code: 'JZ-BA-HC', name: '鸿昌街道帮扶工作站', nameEn: 'Hongchang Street Aid Station', type: 'aid_station' },
        { code: 'JZ-BA-YS', name: '月山镇帮扶工作站', nameEn: 'Yueshan Town Aid Station', type: 'aid_station' },
        {
          code: 'JZ-BA-BS', name: '柏山镇帮扶工作站', nameEn: 'Baishan Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-BA-BS-U01', name: '博爱县柏山镇建材企业联合工会', nameEn: 'Baishan Town Building Materials Joint Union', type: 'grassroots_union' },
          ],
        },
        {
          code: 'JZ-BA-XL', name: '许良镇帮扶工作站', nameEn: 'Xuliang Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-BA-XL-U01', name: '博爱县许良镇汽车零部件企业联合工会', nameEn: 'Xuliang Town Auto Parts Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-BA-MT', name: '磨头镇帮扶工作站', nameEn: 'Motou Town Aid Station', type: 'aid_station' },
        { code: 'JZ-BA-XJ', name: '孝敬镇帮扶工作站', nameEn: 'Xiaojing Town Aid Station', type: 'aid_station' },
        { code: 'JZ-BA-ZH', name: '寨豁乡帮扶工作站', nameEn: 'Zhaihuo Township Aid Station', type: 'aid_station' },
        { code: 'JZ-BA-JC', name: '金城乡帮扶工作站', nameEn: 'Jincheng Township Aid Station', type: 'aid_station' },
        { code: 'JZ-BA-U01', name: '博爱县人民医院工会', nameEn: 'Bo\'ai County People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-BA-U02', name: '博爱县第一中学工会', nameEn: 'Bo\'ai County No.1 Middle School Union', type: 'grassroots_union' },
        { code: 'JZ-BA-U03', name: '博爱县青天河景区管理处工会', nameEn: 'Bo\'ai Qingtianhe Scenic Area Office Union', type: 'grassroots_union' },
        { code: 'JZ-BA-U04', name: '博爱县竹编专业合作社联合工会', nameEn: 'Bo\'ai Bamboo Weaving Cooperatives Joint Union', type: 'grassroots_union' },
        { code: 'JZ-BA-U05', name: '博爱县亿安化工公司工会', nameEn: 'Bo\'ai Yi\'an Chemicals Co. Union', type: 'grassroots_union' },
        { code: 'JZ-BA-U06', name: '博爱县供电公司工会', nameEn: 'Bo\'ai Power Supply Co. Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-WZ', name: '武陟县总工会', nameEn: 'Wuzhi County Federation of Trade Unions', type: 'district_federation', regionCode: '410823',
      children: [
        { code: 'JZ-WZ-AID', name: '武陟县职工帮扶中心', nameEn: 'Wuzhi County Worker Aid Centre', type: 'aid_centre' },
        {
          code: 'JZ-WZ-MC', name: '木城街道帮扶工作站', nameEn: 'Mucheng Street Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-WZ-MC-U01', name: '武陟县木城街道商贸联合工会', nameEn: 'Mucheng Street Trade Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-WZ-LY', name: '龙源街道帮扶工作站', nameEn: 'Longyuan Street Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-LQ', name: '龙泉街道帮扶工作站', nameEn: 'Longquan Street Aid Station', type: 'aid_station' },
        {
          code: 'JZ-WZ-ZD', name: '詹店镇帮扶工作站', nameEn: 'Zhandian Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-WZ-ZD-U01', name: '武陟县詹店新区企业联合工会', nameEn: 'Zhandian New Area Enterprises Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-WZ-XT', name: '西陶镇帮扶工作站', nameEn: 'Xitao Town Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-XQY', name: '谢旗营镇帮扶工作站', nameEn: 'Xieqiying Town Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-DF', name: '大封镇帮扶工作站', nameEn: 'Dafeng Town Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-QM', name: '乔庙镇帮扶工作站', nameEn: 'Qiaomiao Town Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-GDD', name: '圪垱店乡帮扶工作站', nameEn: 'Gedangdian Township Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-SY', name: '三阳乡帮扶工作站', nameEn: 'Sanyang Township Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-XD', name: '小董乡帮扶工作站', nameEn: 'Xiaodong Township Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-DHQ', name: '大虹桥乡帮扶工作站', nameEn: 'Dahongqiao Township Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-BG', name: '北郭乡帮扶工作站', nameEn: 'Beiguo Township Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-JYG', name: '嘉应观乡帮扶工作站', nameEn: 'Jiayingguan Township Aid Station', type: 'aid_station' },
        { code: 'JZ-WZ-U01', name: '武陟县人民医院工会', nameEn: 'Wuzhi County People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-WZ-U02', name: '武陟县第一中学工会', nameEn: 'Wuzhi County No.1 Middle School Union', type: 'grassroots_union' },
        { code: 'JZ-WZ-U03', name: '武陟县嘉应观景区管理处工会', nameEn: 'Wuzhi Jiayingguan Scenic Area Office Union', type: 'grassroots_union' },
        { code: 'JZ-WZ-U04', name: '武陟县利华纺织公司工会', nameEn: 'Wuzhi Lihua Textiles Co. Union', type: 'grassroots_union' },
        { code: 'JZ-WZ-U05', name: '武陟县供电公司工会', nameEn: 'Wuzhi Power Supply Co. Union', type: 'grassroots_union' },
        { code: 'JZ-WZ-U06', name: '武陟县农机专业合作社联合工会', nameEn: 'Wuzhi Farm Machinery Cooperatives Joint Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-WX', name: '温县总工会', nameEn: 'Wen County Federation of Trade Unions', type: 'district_federation', regionCode: '410825',
      children: [
        { code: 'JZ-WX-AID', name: '温县职工帮扶中心', nameEn: 'Wen County Worker Aid Centre', type: 'aid_centre' },
        { code: 'JZ-WX-WQ', name: '温泉街道帮扶工作站', nameEn: 'Wenquan Street Aid Station', type: 'aid_station' },
        { code: 'JZ-WX-YC', name: '岳村街道帮扶工作站', nameEn: 'Yuecun Street Aid Station', type: 'aid_station' },
        { code: 'JZ-WX-ZQ', name: '张羌街道帮扶工作站', nameEn: 'Zhangqiang Street Aid Station', type: 'aid_station' },
        {
          code: 'JZ-WX-HZ', name: '黄庄镇帮扶工作站', nameEn: 'Huangzhuang Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-WX-HZ-U01', name: '温县黄庄镇怀药加工企业联合工会', nameEn: 'Huangzhuang Town Huai Medicinals Processors Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-WX-WD', name: '武德镇帮扶工作站', nameEn: 'Wude Town Aid Station', type: 'aid_station' },
        {
          code: 'JZ-WX-ZB', name: '赵堡镇帮扶工作站', nameEn: 'Zhaobao Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-WX-ZB-U01', name: '温县陈家沟景区工会', nameEn: 'Wen County Chenjiagou Scenic Area Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-WX-FT', name: '番田镇帮扶工作站', nameEn: 'Fantian Town Aid Station', type: 'aid_station' },
        { code: 'JZ-WX-XY', name: '祥云镇帮扶工作站', nameEn: 'Xiangyun Town Aid Station', type: 'aid_station' },
        { code: 'JZ-WX-BL', name: '北冷乡帮扶工作站', nameEn: 'Beileng Township Aid Station', type: 'aid_station' },
        { code: 'JZ-WX-ZX', name: '招贤乡帮扶工作站', nameEn: 'Zhaoxian Township Aid Station', type: 'aid_station' },
        { code: 'JZ-WX-U01', name: '温县人民医院工会', nameEn: 'Wen County People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-WX-U02', name: '温县第一高级中学工会', nameEn: 'Wen County No.1 Senior High School Union', type: 'grassroots_union' },
        { code: 'JZ-WX-U03', name: '温县铁棍山药产业联合工会', nameEn: 'Wen County Tiegun Yam Industry Joint Union', type: 'grassroots_union' },
        { code: 'JZ-WX-U04', name: '温县华盛机械公司工会', nameEn: 'Wen County Huasheng Machinery Co. Union', type: 'grassroots_union' },
        { code: 'JZ-WX-U05', name: '温县供电公司工会', nameEn: 'Wen County Power Supply Co. Union', type: 'grassroots_union' },
        { code: 'JZ-WX-U06', name: '温县种业公司工会', nameEn: 'Wen County Seed Co. Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-QY', name: '沁阳市总工会', nameEn: 'Qinyang City Federation of Trade Unions', type: 'district_federation', regionCode: '410882',
      children: [
        { code: 'JZ-QY-AID', name: '沁阳市职工帮扶中心', nameEn: 'Qinyang City Worker Aid Centre', type: 'aid_centre' },
        { code: 'JZ-QY-QH', name: '覃怀街道帮扶工作站', nameEn: 'Qinhuai Street Aid Station', type: 'aid_station' },
        { code: 'JZ-QY-HQ', name: '怀庆街道帮扶工作站', nameEn: 'Huaiqing Street Aid Station', type: 'aid_station' },
        { code: 'JZ-QY-QY', name: '沁园街道帮扶工作站', nameEn: 'Qinyuan Street Aid Station', type: 'aid_station' },
        { code: 'JZ-QY-CY', name: '崇义镇帮扶工作站', nameEn: 'Chongyi Town Aid Station', type: 'aid_station' },
        {
          code: 'JZ-QY-XX', name: '西向镇帮扶工作站', nameEn: 'Xixiang Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-QY-XX-U01', name: '沁阳市西向镇商户联合工会', nameEn: 'Xixiang Town Merchants Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-QY-XW', name: '西万镇帮扶工作站', nameEn: 'Xiwan Town Aid Station', type: 'aid_station' },
        { code: 'JZ-QY-BX', name: '柏香镇帮扶工作站', nameEn: 'Baixiang Town Aid Station', type: 'aid_station' },
        { code: 'JZ-QY-SWZ', name: '山王庄镇帮扶工作站', nameEn: 'Shanwangzhuang Town Aid Station', type: 'aid_station' },
        {
          code: 'JZ-QY-ZL', name: '紫陵镇帮扶工作站', nameEn: 'Ziling Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-QY-ZL-U01', name: '沁阳市神农山景区工会', nameEn: 'Qinyang Shennongshan Scenic Area Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-QY-CP', name: '常平乡帮扶工作站', nameEn: 'Changping Township Aid Station', type: 'aid_station' },
        { code: 'JZ-QY-WZ', name: '王召乡帮扶工作站', nameEn: 'Wangzhao Township Aid Station', type: 'aid_station' },
        { code: 'JZ-QY-WQ', name: '王曲乡帮扶工作站', nameEn: 'Wangqu Township Aid Station', type: 'aid_station' },
        { code: 'JZ-QY-U01', name: '沁阳市人民医院工会', nameEn: 'Qinyang City People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-QY-U02', name: '沁阳市第一中学工会', nameEn: 'Qinyang City No.1 Middle School Union', type: 'grassroots_union' },
        { code: 'JZ-QY-U03', name: '沁阳市造纸产业园联合工会', nameEn: 'Qinyang Paper Industry Park Joint Union', type: 'grassroots_union' },
        { code: 'JZ-QY-U04', name: '沁阳市安防门业联合工会', nameEn: 'Qinyang Security Doors Industry Joint Union', type: 'grassroots_union' },
        { code: 'JZ-QY-U05', name: '沁阳市供电公司工会', nameEn: 'Qinyang Power Supply Co. Union', type: 'grassroots_union' },
        { code: 'JZ-QY-U06', name: '沁阳市建材公司工会', nameEn: 'Qinyang Building Materials Co. Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-MZ', name: '孟州市总工会', nameEn: 'Mengzhou City Federation of Trade Unions', type: 'district_federation', regionCode: '410883',
      children: [
        { code: 'JZ-MZ-AID', name: '孟州市职工帮扶中心', nameEn: 'Mengzhou City Worker Aid Centre', type: 'aid_centre' },
        { code: 'JZ-MZ-HC', name: '会昌街道帮扶工作站', nameEn: 'Huichang Street Aid Station', type: 'aid_station' },
        { code: 'JZ-MZ-DD', name: '大定街道帮扶工作站', nameEn: 'Dading Street Aid Station', type: 'aid_station' },
        { code: 'JZ-MZ-HYA', name: '河阳街道帮扶工作站', nameEn: 'Heyang Street Aid Station', type: 'aid_station' },
        { code: 'JZ-MZ-HYO', name: '河雍街道帮扶工作站', nameEn: 'Heyong Street Aid Station', type: 'aid_station' },
        {
          code: 'JZ-MZ-HG', name: '化工镇帮扶工作站', nameEn: 'Huagong Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-MZ-HG-U01', name: '孟州市化工镇企业联合工会', nameEn: 'Huagong Town Enterprises Joint Union', type: 'grassroots_union' },
          ],
        },
        {
          code: 'JZ-MZ-NZ', name: '南庄镇帮扶工作站', nameEn: 'Nanzhuang Town Aid Station', type: 'aid_station',
          children: [
            { code: 'JZ-MZ-NZ-U01', name: '孟州市桑坡皮毛企业联合工会', nameEn: 'Sangpo Fur & Leather Enterprises Joint Union', type: 'grassroots_union' },
          ],
        },
        { code: 'JZ-MZ-CB', name: '城伯镇帮扶工作站', nameEn: 'Chengbo Town Aid Station', type: 'aid_station' },
        { code: 'JZ-MZ-GD', name: '谷旦镇帮扶工作站', nameEn: 'Gudan Town Aid Station', type: 'aid_station' },
        { code: 'JZ-MZ-XG', name: '西虢镇帮扶工作站', nameEn: 'Xiguo Town Aid Station', type: 'aid_station' },
        { code: 'JZ-MZ-ZH', name: '赵和镇帮扶工作站', nameEn: 'Zhaohe Town Aid Station', type: 'aid_station' },
        { code: 'JZ-MZ-HS', name: '槐树乡帮扶工作站', nameEn: 'Huaishu Township Aid Station', type: 'aid_station' },
        { code: 'JZ-MZ-U01', name: '孟州市中原内配集团工会', nameEn: 'Mengzhou Zhongyuan Neipei Group Union', type: 'grassroots_union' },
        { code: 'JZ-MZ-U02', name: '孟州市人民医院工会', nameEn: 'Mengzhou City People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-MZ-U03', name: '孟州市第一高级中学工会', nameEn: 'Mengzhou City No.1 Senior High School Union', type: 'grassroots_union' },
        { code: 'JZ-MZ-U04', name: '孟州市供电公司工会', nameEn: 'Mengzhou Power Supply Co. Union', type: 'grassroots_union' },
        { code: 'JZ-MZ-U05', name: '孟州市产业集聚区联合工会', nameEn: 'Mengzhou Industrial Cluster Joint Union', type: 'grassroots_union' },
        { code: 'JZ-MZ-U06', name: '孟州市韩园管理处工会', nameEn: 'Mengzhou Han Yu Memorial Park Office Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-JM', name: '焦煤集团工会', nameEn: 'Jiaozuo Coal Group Union', type: 'industry_union',
      children: [
        { code: 'JZ-JM-ZG2', name: '赵固二矿工会', nameEn: 'Zhaogu No.2 Mine Union', type: 'grassroots_union' },
        { code: 'JZ-JM-GHS', name: '古汉山矿工会', nameEn: 'Guhanshan Mine Union', type: 'grassroots_union' },
        { code: 'JZ-JM-JLS', name: '九里山矿工会', nameEn: 'Jiulishan Mine Union', type: 'grassroots_union' },
        { code: 'JZ-JM-ZMC', name: '中马村矿工会', nameEn: 'Zhongmacun Mine Union', type: 'grassroots_union' },
        { code: 'JZ-JM-ZG1', name: '赵固一矿工会', nameEn: 'Zhaogu No.1 Mine Union', type: 'grassroots_union' },
        { code: 'JZ-JM-YMZ', name: '演马庄矿工会', nameEn: 'Yanmazhuang Mine Union', type: 'grassroots_union' },
        { code: 'JZ-JM-HW', name: '韩王矿工会', nameEn: 'Hanwang Mine Union', type: 'grassroots_union' },
        { code: 'JZ-JM-XZC', name: '鑫珠春公司工会', nameEn: 'Xinzhuchun Co. Union', type: 'grassroots_union' },
        { code: 'JZ-JM-SL', name: '神龙水文地质工程有限公司工会', nameEn: 'Shenlong Hydrogeological Engineering Co. Union', type: 'grassroots_union' },
        { code: 'JZ-JM-ZYYY', name: '焦煤中央医院工会', nameEn: 'Jiaozuo Coal Central Hospital Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-JY', name: '焦运集团工会', nameEn: 'Jiaoyun Transport Group Union', type: 'industry_union',
      children: [
        { code: 'JZ-JY-GJ', name: '焦运集团公交公司工会', nameEn: 'Jiaoyun Bus Co. Union', type: 'grassroots_union' },
        { code: 'JZ-JY-KY', name: '焦运集团客运总站工会', nameEn: 'Jiaoyun Central Coach Station Union', type: 'grassroots_union' },
        { code: 'JZ-JY-CZ', name: '焦运集团出租汽车公司工会', nameEn: 'Jiaoyun Taxi Co. Union', type: 'grassroots_union' },
        { code: 'JZ-JY-WX', name: '焦运集团汽车维修公司工会', nameEn: 'Jiaoyun Vehicle Repair Co. Union', type: 'grassroots_union' },
        { code: 'JZ-JY-WL', name: '焦运集团物流公司工会', nameEn: 'Jiaoyun Logistics Co. Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-ZC', name: '众成教育集团工会', nameEn: 'Zhongcheng Education Group Union', type: 'industry_union',
      children: [
        { code: 'JZ-ZC-FC', name: '众成教育集团府城校区工会', nameEn: 'Zhongcheng Education Group Fucheng Campus Union', type: 'grassroots_union' },
        { code: 'JZ-ZC-LF', name: '众成教育集团李封校区工会', nameEn: 'Zhongcheng Education Group Lifeng Campus Union', type: 'grassroots_union' },
        { code: 'JZ-ZC-LX', name: '众成教育集团龙翔校区工会', nameEn: 'Zhongcheng Education Group Longxiang Campus Union', type: 'grassroots_union' },
        { code: 'JZ-ZC-ZC', name: '众成教育集团朱村校区工会', nameEn: 'Zhongcheng Education Group Zhucun Campus Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-EDU', name: '焦作市教育工会', nameEn: 'Jiaozuo Education Union', type: 'industry_union',
      children: [
        { code: 'JZ-EDU-U01', name: '焦作市第一中学工会', nameEn: 'Jiaozuo No.1 Middle School Union', type: 'grassroots_union' },
        { code: 'JZ-EDU-U02', name: '焦作市第十一中学工会', nameEn: 'Jiaozuo No.11 Middle School Union', type: 'grassroots_union' },
        { code: 'JZ-EDU-U03', name: '焦作市外国语中学工会', nameEn: 'Jiaozuo Foreign Languages Middle School Union', type: 'grassroots_union' },
        { code: 'JZ-EDU-U04', name: '焦作大学工会', nameEn: 'Jiaozuo University Union', type: 'grassroots_union' },
        { code: 'JZ-EDU-U05', name: '焦作师范高等专科学校工会', nameEn: 'Jiaozuo Teachers College Union', type: 'grassroots_union' },
        { code: 'JZ-EDU-U06', name: '焦作市特殊教育学校工会', nameEn: 'Jiaozuo Special Education School Union', type: 'grassroots_union' },
        { code: 'JZ-EDU-U07', name: '焦作市第一职业中专工会', nameEn: 'Jiaozuo No.1 Vocational School Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-HLT', name: '焦作市卫生健康工会', nameEn: 'Jiaozuo Health Workers Union', type: 'industry_union',
      children: [
        { code: 'JZ-HLT-U01', name: '焦作市人民医院工会', nameEn: 'Jiaozuo People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-HLT-U02', name: '焦作市第二人民医院工会', nameEn: 'Jiaozuo No.2 People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-HLT-U03', name: '焦作市第三人民医院工会', nameEn: 'Jiaozuo No.3 People\'s Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-HLT-U04', name: '焦作市中医院工会', nameEn: 'Jiaozuo Hospital of Traditional Chinese Medicine Union', type: 'grassroots_union' },
        { code: 'JZ-HLT-U05', name: '焦作市妇幼保健院工会', nameEn: 'Jiaozuo Maternal and Child Health Hospital Union', type: 'grassroots_union' },
        { code: 'JZ-HLT-U06', name: '焦作市疾病预防控制中心工会', nameEn: 'Jiaozuo Centre for Disease Control Union', type: 'grassroots_union' },
        { code: 'JZ-HLT-U07', name: '焦作市中心血站工会', nameEn: 'Jiaozuo Central Blood Station Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-TRN', name: '焦作市交通运输工会', nameEn: 'Jiaozuo Transport Workers Union', type: 'industry_union',
      children: [
        { code: 'JZ-TRN-U01', name: '焦作市公路事业发展中心工会', nameEn: 'Jiaozuo Highway Development Centre Union', type: 'grassroots_union' },
        { code: 'JZ-TRN-U02', name: '焦作市交通运输综合行政执法支队工会', nameEn: 'Jiaozuo Transport Law Enforcement Detachment Union', type: 'grassroots_union' },
        { code: 'JZ-TRN-U03', name: '焦作市道路运输服务中心工会', nameEn: 'Jiaozuo Road Transport Service Centre Union', type: 'grassroots_union' },
        { code: 'JZ-TRN-U04', name: '焦作市农村公路管理所工会', nameEn: 'Jiaozuo Rural Roads Office Union', type: 'grassroots_union' },
        { code: 'JZ-TRN-U05', name: '焦作市机动车检测公司工会', nameEn: 'Jiaozuo Vehicle Inspection Co. Union', type: 'grassroots_union' },
      ],
    },
    {
      code: 'JZ-JG', name: '焦作市直机关工会', nameEn: 'Jiaozuo Municipal Organs Union', type: 'industry_union',
      children: [
        { code: 'JZ-JG-U01', name: '焦作市财政局机关工会', nameEn: 'Jiaozuo Finance Bureau Staff Union', type: 'grassroots_union' },
        { code: 'JZ-JG-U02', name: '焦作市人力资源和社会保障局机关工会', nameEn: 'Jiaozuo Human Resources and Social Security Bureau Staff Union', type: 'grassroots_union' },
        { code: 'JZ-JG-U03', name: '焦作市民政局机关工会', nameEn: 'Jiaozuo Civil Affairs Bureau Staff Union', type: 'grassroots_union' },
        { code: 'JZ-JG-U04', name: '焦作市总工会机关工会', nameEn: 'Jiaozuo Federation of Trade Unions Staff Union', type: 'grassroots_union' },
        { code: 'JZ-JG-U05', name: '焦作市职工服务中心工会', nameEn: 'Jiaozuo Workers Service Centre Union', type: 'grassroots_union' },
      ],
    },
  ],
};

/**
 * Flattens a tree depth-first (pre-order): every parent comes before its children, siblings keep
 * their order. depth is 0 for the root (city → district → station → grassroots is depth 0..3).
 */
export function flattenOrgTree(
  root: DemoOrgNode,
): Array<{ node: DemoOrgNode; parentCode: string | null; depth: number }> {
  const out: Array<{ node: DemoOrgNode; parentCode: string | null; depth: number }> = [];
  const visit = (node: DemoOrgNode, parentCode: string | null, depth: number): void => {
    out.push({ node, parentCode, depth });
    for (const child of node.children ?? []) visit(child, node.code, depth + 1);
  };
  visit(root, null, 0);
  return out;
}
