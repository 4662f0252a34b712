/** The Tandem mark and name. */
export function Brand({ subtitle }: { subtitle?: string }) {
  return (
    <div class="brand">
      <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <circle cx="12.5" cy="16" r="6" fill="none" stroke="#fff" stroke-width="2.6" />
        <circle cx="19.5" cy="16" r="6" fill="none" stroke="#fff" stroke-width="2.6" opacity="0.8" />
      </svg>
      <span class="brand__name">Tandem</span>
      {subtitle && <span class="brand__subtitle">{subtitle}</span>}
    </div>
  );
}
