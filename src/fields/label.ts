/** Admin labels are Dutch first, with the English translation for editors who switch language. */
export const label = (nl: string, en: string) => ({ nl, en })

export type Option = { value: string; label: { nl: string; en: string } }

export const option = (value: string, nl: string, en: string): Option => ({ value, label: label(nl, en) })
