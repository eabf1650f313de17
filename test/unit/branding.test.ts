import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZDeploymentConfig } from '../../shared/deployment/deployment-config.ts';
import { brandSettingFrom, MAX_LOGO_BYTES } from '../../shared/deployment/branding-setting.ts';
import { AA_CONTRAST, contrastRatio, darkenedForContrast } from '../../shared/platform/brand/colour-contrast.ts';
import { brandOf } from '../../shared/platform/brand/brand.ts';
import { buildMime } from '../../shared/platform/mail/mime.ts';
import { sampleInvitation } from '../support/sample-emails.ts';

const minimal = { stackName: 'Feedback', businessName: 'Acme', senderAddress: 'feedback@acme.example', timeZone: 'Europe/Berlin', complaintHandling: { headOfServiceEmail: 'head@acme.example' } };
const issues = (branding: unknown) => {
  const parsed = ZDeploymentConfig.safeParse({ ...minimal, branding });
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('branding', () => {
  it('computes WCAG contrast as the standard gives it', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#0b5cad', '#ffffff')).toBeGreaterThan(AA_CONTRAST);
  });

  it('refuses a brand colour too light for white text, naming the ratio and a darker shade that passes', () => {
    const [problem] = issues({ colour: '#ffcc00' });
    expect(problem).toMatch(/^branding\.colour: contrast against white is 1\.\d\d:1, below WCAG AA's 4\.5:1/);
    const suggestion = /such as (#[0-9a-f]{6}) passes/.exec(problem!)![1]!;
    expect(contrastRatio(suggestion, '#ffffff')).toBeGreaterThanOrEqual(AA_CONTRAST);
    expect(issues({ colour: suggestion })).toEqual([]);
    expect(darkenedForContrast('#0b5cad')).toBe('#0b5cad');
  });

  it.each([
    [{ colour: 'blue' }, 'branding.colour: must be a colour as #rrggbb'],
    [{ logo: 'http://cdn.example/logo.png' }, 'branding.logo: must be a PNG, JPEG, GIF or WebP file in config/'],
    [{ logo: 'logo.svg' }, 'branding.logo: must be a PNG, JPEG, GIF or WebP file in config/'],
    [{ logo: '../secrets/logo.png' }, 'branding.logo: must be a PNG, JPEG, GIF or WebP file in config/'],
    [{ replyTo: 'nobody' }, 'branding.replyTo'],
  ])('refuses %j', (branding, message) => {
    expect(issues(branding).join('\n')).toContain(message);
  });

  it('ships a logo file from config/ only when it is there and small, and passes an https logo through', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brand-'));
    writeFileSync(join(dir, 'logo.png'), Buffer.alloc(100));
    writeFileSync(join(dir, 'huge.png'), Buffer.alloc(MAX_LOGO_BYTES + 1));
    expect(brandSettingFrom({ logo: 'logo.png', colour: '#0B5CAD' }, dir)).toEqual({ setting: { logo: { file: 'logo.png' }, colour: '#0b5cad' }, logoFile: join(dir, 'logo.png') });
    expect(() => brandSettingFrom({ logo: 'missing.png' }, dir)).toThrow('branding.logo: missing.png is not in');
    expect(() => brandSettingFrom({ logo: 'huge.png' }, dir)).toThrow('keep a logo under 100 KB');
    expect(brandSettingFrom({ logo: 'https://cdn.example/logo.png' }, dir).setting).toEqual({ logo: { url: 'https://cdn.example/logo.png' } });
    expect(brandOf({ logo: { file: 'logo.png' } }, 'Acme', 'https://api.example/').logoUrl).toBe('https://api.example/brand/logo');
  });

  it('puts the logo and colour in the email, and the Reply-To on the message', async () => {
    const email = sampleInvitation('en', { name: 'Acme Home Services', colour: '#7a1f5c', logoUrl: 'https://api.example/brand/logo' });
    expect(email.html).toContain('<img src="https://api.example/brand/logo" alt="Acme Home Services"');
    expect(email.html).toContain('border-top:4px solid #7a1f5c');
    const raw = (await buildMime({ ...email, from: 'Acme <feedback@acme.example>', to: 'ada@customer.example', replyTo: 'service@acme.example' })).toString();
    expect(raw).toMatch(/^Reply-To: service@acme\.example/m);
  });
});
