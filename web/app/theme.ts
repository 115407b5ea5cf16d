import type { ThemeConfig } from 'antd';

/** Government-blue look: a dark navy sider, a calm primary blue, compact-but-airy tables. */
export const SIDER_BG = '#0a2a5e';
export const SIDER_ITEM_SELECTED_BG = '#1d5fc4';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a5fd0',
    colorInfo: '#1a5fd0',
    borderRadius: 6,
    colorBgLayout: '#f0f2f5',
    // Darker than antd's default grey so secondary text meets WCAG AA contrast (4.5:1).
    colorTextSecondary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      siderBg: SIDER_BG,
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 24px',
      triggerBg: '#08224d',
    },
    Menu: {
      darkItemBg: SIDER_BG,
      darkSubMenuItemBg: '#08224d',
      darkItemSelectedBg: SIDER_ITEM_SELECTED_BG,
      darkItemColor: 'rgba(255,255,255,0.78)',
      itemHeight: 44,
    },
    Card: { headerFontSize: 15 },
    Table: { headerBg: '#f5f7fa' },
  },
};
