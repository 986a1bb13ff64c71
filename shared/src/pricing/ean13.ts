/** The GS1 check digit of the first 12 digits of an EAN-13. */
export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code) === Number(code[12]);
}

/** The GS1 check digit of the first 7 digits of an EAN-8 (weights 3,1,3,1… from the left). */
export function ean8CheckDigit(first7: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan8(code: string): boolean {
  return /^\d{8}$/.test(code) && ean8CheckDigit(code) === Number(code[7]);
}

/** Whether a product barcode's check digit holds where it can be told: EAN-13 and EAN-8; other lengths are taken as they are. */
export function barcodeCheckDigitHolds(code: string): boolean {
  if (code.length === 13) return isValidEan13(code);
  if (code.length === 8) return isValidEan8(code);
  return true;
}
