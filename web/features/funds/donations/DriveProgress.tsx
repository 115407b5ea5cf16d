import { Progress } from 'antd';

/** A drive's progress towards its goal (the bar stops at 100%, the number does not). */
export function DriveProgress({ percent, size = 'default', showInfo = true }: { percent: number; size?: 'small' | 'default'; showInfo?: boolean }) {
  return (
    <Progress
      percent={Math.min(100, percent)}
      size={size}
      showInfo={showInfo}
      format={() => `${percent}%`}
      status={percent >= 100 ? 'success' : 'active'}
      strokeColor={percent >= 100 ? undefined : { from: '#ff7a45', to: '#cf1322' }}
    />
  );
}
