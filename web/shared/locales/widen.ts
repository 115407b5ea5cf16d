/** A catalogue's shape: the zh-CN keys, any strings. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
