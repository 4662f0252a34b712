import type { Device } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { deviceName } from '../sessions/deviceText';
import { Icon } from '../ui/Icon';

/** "Samsung SM-S918B · Android 14 · API 34" */
export function DeviceInfo({ device }: { device: Device | null }) {
  const { t } = useI18n();
  const name = deviceName(device, t);
  const parts = [name || t('chat.unknownDevice')];
  if (device?.androidVersion) parts.push(t('chat.android', { version: device.androidVersion }));
  if (device?.apiLevel) parts.push(t('chat.apiLevel', { level: device.apiLevel }));
  return (
    <span class="device-info" data-testid="device-info" title={t('chat.phone')}>
      <Icon name="phone" size={15} />
      <span class="visually-hidden">{t('chat.phone')}: </span>
      {parts.join(' · ')}
    </span>
  );
}
