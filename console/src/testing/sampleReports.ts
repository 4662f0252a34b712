import type { DiagnosticsReport } from '../api/types';

/**
 * Report JSON as the server relays it, in the shape of the Java protocol tests' SampleReports: a
 * healthy Samsung, and one with every problem at once.
 */
export function healthyReport(): DiagnosticsReport {
  return JSON.parse(`{
    "version": 1,
    "collectedAt": "2025-06-01T09:30:00Z",
    "device": {"value": {"manufacturer": "samsung", "model": "SM-S918B", "androidVersion": "14", "apiLevel": 34,
      "securityPatch": {"value": "2024-05-01"}, "build": {"unavailable": "not reported by this vendor"}, "uptimeSeconds": 90000}},
    "battery": {"value": {"levelPercent": {"value": 80}, "charging": false, "source": "none", "health": {"value": "good"},
      "temperatureCelsius": {"value": 31.5}, "voltageMillivolts": {"unavailable": "not reported by the battery driver"}}},
    "storage": {"value": {"internal": {"totalBytes": 256000000000, "freeBytes": 120000000000}, "external": {"unavailable": "no SD card inserted"}}},
    "memory": {"value": {"totalBytes": 12000000000, "availableBytes": 5000000000, "lowMemory": false}},
    "cpu": {"value": {"abis": ["arm64-v8a", "armeabi-v7a"], "cores": 8}},
    "display": {"value": {"widthPx": 1440, "heightPx": 3088, "densityDpi": 600, "refreshRateHz": {"value": 120.0}}},
    "network": {"value": {"kind": "wifi", "wifiSignalDbm": {"value": -58}, "wifiLinkMbps": {"value": 866},
      "operator": {"value": "Vodafone"}, "cellularType": {"value": "NR"}, "addresses": ["192.168.1.23", "fe80::1c4a"], "vpn": false}},
    "locale": {"value": {"languageTag": "de-DE", "timeZone": "Europe/Berlin"}},
    "installedApps": {"value": {"apps": [
      {"name": "Samsung Notes", "package": "com.samsung.android.app.notes", "version": {"value": "4.4.21.62"}},
      {"name": "Ünïcödé \\"quoted\\" 😀", "package": "org.example.odd", "version": {"unavailable": "no version declared by the app"}}
    ], "totalCount": 2, "truncated": false}},
    "permissions": {"value": {"screenCapture": {"value": {"granted": true}}, "accessibility": {"value": {"granted": true}}}}
  }`);
}

/** The same phone nearly empty, nearly full, offline and without permissions. */
export function troubledReport(): DiagnosticsReport {
  const report = healthyReport();
  report.battery = { value: { levelPercent: { value: 9 }, charging: false, source: 'none', health: { value: 'overheat' } } };
  report.storage = { value: { internal: { totalBytes: 64_000_000_000, freeBytes: 3_200_000_000 }, external: { unavailable: 'no SD card inserted' } } };
  report.memory = { value: { totalBytes: 4_000_000_000, availableBytes: 150_000_000, lowMemory: true } };
  report.network = { value: { kind: 'none', wifiSignalDbm: { unavailable: 'not on Wi-Fi' }, addresses: [], vpn: false } };
  report.permissions = {
    value: {
      screenCapture: { value: { granted: false, reason: "waiting for the customer's consent" } },
      accessibility: { value: { granted: false } },
    },
  };
  report.installedApps = { unavailable: 'the package manager did not answer' };
  return report;
}

export const troubledWarnings = [
  { code: 'battery.critical', section: 'battery', message: 'The battery is low (9 %) and not charging: …' },
  { code: 'storage.low', section: 'storage', message: 'Internal storage is nearly full …' },
  { code: 'memory.low', section: 'memory', message: 'The phone is low on memory …' },
  { code: 'network.none', section: 'network', message: 'The phone reports no network connection …' },
  { code: 'permission.screen-capture.missing', section: 'permissions', message: 'Screen capture is not granted …' },
  { code: 'permission.accessibility.missing', section: 'permissions', message: 'Accessibility is not granted …' },
];
