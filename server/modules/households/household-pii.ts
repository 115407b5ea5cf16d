import { maskBankCard, maskCnId, maskMobile, validateCnId } from '../../../contracts/cn-ids.js';
import { encryptPii, lookupHash } from '../../platform/pii-crypto.js';
import type { PiiKeys } from '../../platform/secrets.js';

/** An ID number as stored: ciphertext, keyed hash for lookup and dedupe, list mask, and what it tells. */
export function protectIdNumber(secrets: PiiKeys, idNumber: string) {
  const parsed = validateCnId(idNumber);
  if (!parsed.ok) throw new Error('protectIdNumber needs a validated ID number');
  return {
    enc: encryptPii(secrets, parsed.value),
    hash: idNumberHash(secrets, parsed.value),
    masked: maskCnId(parsed.value),
    birthDate: parsed.birthDate,
    sex: parsed.sex,
  };
}

export const idNumberHash = (secrets: PiiKeys, normalizedId: string) => lookupHash(secrets, 'cn-id', normalizedId);

export function protectPhone(secrets: PiiKeys, phone: string | null | undefined) {
  if (!phone) return { phoneEnc: null, phoneHash: null, phoneMasked: null };
  return { phoneEnc: encryptPii(secrets, phone), phoneHash: lookupHash(secrets, 'mobile', phone), phoneMasked: maskMobile(phone) };
}

export function protectBankCard(secrets: PiiKeys, card: string | null | undefined) {
  if (!card) return { bankCardEnc: null, bankCardMasked: null };
  return { bankCardEnc: encryptPii(secrets, card), bankCardMasked: maskBankCard(card) };
}
