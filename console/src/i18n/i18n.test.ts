import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { chooseLanguage, translate } from './translate';

describe('dictionaries', () => {
  it('have exactly the same keys in English and Spanish', () => {
    const enKeys = Object.keys(en).sort();
    const esKeys = Object.keys(es).sort();
    expect(esKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !esKeys.includes(k))).toEqual([]);
    expect(esKeys).toEqual(enKeys);
  });

  it('have no empty strings', () => {
    for (const dict of [en, es] as Record<string, string>[]) {
      expect(Object.entries(dict).filter(([, text]) => !text.trim())).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatches = Object.keys(en).filter(
      (key) =>
        JSON.stringify(placeholders(en[key as keyof typeof en])) !== JSON.stringify(placeholders(es[key as keyof typeof es])),
    );
    expect(mismatches).toEqual([]);
  });

  it('use the product vocabulary', () => {
    expect([en['codes.title'], es['codes.title']]).toEqual(['Code Management', 'Gestión de códigos']);
    expect([en['codes.copyUrl'], es['codes.copyUrl']]).toEqual(['Copy URL', 'Copiar URL']);
    expect([en['codes.emailCode'], es['codes.emailCode']]).toEqual(['Send Code via Email', 'Enviar código por correo electrónico']);
    expect([en['chat.endSession'], es['chat.endSession']]).toEqual(['End session', 'Finalizar sesión']);
    expect([en['codes.identifier'], es['codes.identifier']]).toEqual(['Identifier', 'Identificador']);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones alone', () => {
    expect(translate('en', 'codes.created', { code: '123 456 789' })).toBe('Code 123 456 789 created');
    expect(translate('es', 'codes.created', { code: '123 456 789' })).toBe('Código 123 456 789 creado');
    expect(translate('en', 'codes.created')).toBe('Code {code} created');
  });
});

describe('chooseLanguage', () => {
  it('follows the browser when nothing is remembered', () => {
    expect(chooseLanguage(null, null, 'es-MX')).toBe('es');
    expect(chooseLanguage(null, null, 'es')).toBe('es');
    expect(chooseLanguage(null, null, 'en-US')).toBe('en');
    expect(chooseLanguage(null, null, 'fr-FR')).toBe('en');
    expect(chooseLanguage(null, null, undefined)).toBe('en');
  });

  it('prefers a remembered choice, then the given default (the portal language)', () => {
    expect(chooseLanguage('en', 'es', 'es-ES')).toBe('en');
    expect(chooseLanguage(null, 'es', 'en-US')).toBe('es');
    expect(chooseLanguage('xx', 'en', 'es-ES')).toBe('en');
  });
});
