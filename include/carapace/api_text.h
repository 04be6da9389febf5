/* Carapace: Limited API declarations -- str, bytes, bytearray, codecs.
 * Each block is guarded by the first Limited API version that offers it. */
#ifndef CARAPACE_API_TEXT_H
#define CARAPACE_API_TEXT_H

/* since 3.2 */
PyAPI_FUNC(char *) PyByteArray_AsString(PyObject *);
PyAPI_FUNC(PyObject *) PyByteArray_Concat(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyByteArray_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyByteArray_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(int) PyByteArray_Resize(PyObject *, Py_ssize_t);
PyAPI_FUNC(Py_ssize_t) PyByteArray_Size(PyObject *);
PyAPI_FUNC(char *) PyBytes_AsString(PyObject *);
PyAPI_FUNC(int) PyBytes_AsStringAndSize(PyObject *, char **, Py_ssize_t *);
PyAPI_FUNC(void) PyBytes_Concat(PyObject **, PyObject *);
PyAPI_FUNC(void) PyBytes_ConcatAndDel(PyObject **, PyObject *);
PyAPI_FUNC(PyObject *) PyBytes_DecodeEscape(const char *, Py_ssize_t, const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyBytes_FromFormat(const char *, ...);
PyAPI_FUNC(PyObject *) PyBytes_FromFormatV(const char *, va_list);
PyAPI_FUNC(PyObject *) PyBytes_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyBytes_FromString(const char *);
PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyBytes_Repr(PyObject *, int);
PyAPI_FUNC(Py_ssize_t) PyBytes_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyCodec_BackslashReplaceErrors(PyObject *);
PyAPI_FUNC(PyObject *) PyCodec_Decode(PyObject *, const char *, const char *);
PyAPI_FUNC(PyObject *) PyCodec_Decoder(const char *);
PyAPI_FUNC(PyObject *) PyCodec_Encode(PyObject *, const char *, const char *);
PyAPI_FUNC(PyObject *) PyCodec_Encoder(const char *);
PyAPI_FUNC(PyObject *) PyCodec_IgnoreErrors(PyObject *);
PyAPI_FUNC(PyObject *) PyCodec_IncrementalDecoder(const char *, const char *);
PyAPI_FUNC(PyObject *) PyCodec_IncrementalEncoder(const char *, const char *);
PyAPI_FUNC(int) PyCodec_KnownEncoding(const char *);
PyAPI_FUNC(PyObject *) PyCodec_LookupError(const char *);
PyAPI_FUNC(int) PyCodec_Register(PyObject *);
PyAPI_FUNC(int) PyCodec_RegisterError(const char *, PyObject *);
PyAPI_FUNC(PyObject *) PyCodec_ReplaceErrors(PyObject *);
PyAPI_FUNC(PyObject *) PyCodec_StreamReader(const char *, PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyCodec_StreamWriter(const char *, PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyCodec_StrictErrors(PyObject *);
PyAPI_FUNC(int) PyCodec_Unregister(PyObject *);
PyAPI_FUNC(PyObject *) PyCodec_XMLCharRefReplaceErrors(PyObject *);
PyAPI_FUNC(int) PyOS_mystricmp(const char *, const char *);
PyAPI_FUNC(int) PyOS_mystrnicmp(const char *, const char *, Py_ssize_t);
PyAPI_FUNC(void) PyUnicode_Append(PyObject **, PyObject *);
PyAPI_FUNC(void) PyUnicode_AppendAndDel(PyObject **, PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsASCIIString(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsCharmapString(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedString(PyObject *, const char *, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_AsLatin1String(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsRawUnicodeEscapeString(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF16String(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF32String(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF8String(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_AsUnicodeEscapeString(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyUnicode_AsWideChar(PyObject *, wchar_t *, Py_ssize_t);
PyAPI_FUNC(wchar_t *) PyUnicode_AsWideCharString(PyObject *, Py_ssize_t *);
PyAPI_FUNC(PyObject *) PyUnicode_BuildEncodingMap(PyObject *);
PyAPI_FUNC(int) PyUnicode_Compare(PyObject *, PyObject *);
PyAPI_FUNC(int) PyUnicode_CompareWithASCIIString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_Concat(PyObject *, PyObject *);
PyAPI_FUNC(int) PyUnicode_Contains(PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Count(PyObject *, PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_Decode(const char *, Py_ssize_t, const char *, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeASCII(const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeCharmap(const char *, Py_ssize_t, PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefault(const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefaultAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLatin1(const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeRawUnicodeEscape(const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF16(const char *, Py_ssize_t, const char *, int *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF16Stateful(const char *, Py_ssize_t, const char *, int *, Py_ssize_t *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF32(const char *, Py_ssize_t, const char *, int *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF32Stateful(const char *, Py_ssize_t, const char *, int *, Py_ssize_t *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF7(const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF7Stateful(const char *, Py_ssize_t, const char *, Py_ssize_t *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8(const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8Stateful(const char *, Py_ssize_t, const char *, Py_ssize_t *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUnicodeEscape(const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeFSDefault(PyObject *);
PyAPI_FUNC(int) PyUnicode_FSConverter(PyObject *, void *);
PyAPI_FUNC(int) PyUnicode_FSDecoder(PyObject *, void *);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Find(PyObject *, PyObject *, Py_ssize_t, Py_ssize_t, int);
PyAPI_FUNC(PyObject *) PyUnicode_Format(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_FromEncodedObject(PyObject *, const char *, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormat(const char *, ...);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormatV(const char *, va_list);
PyAPI_FUNC(PyObject *) PyUnicode_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_FromOrdinal(int);
PyAPI_FUNC(PyObject *) PyUnicode_FromString(const char *);
PyAPI_FUNC(PyObject *) PyUnicode_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_FromWideChar(const wchar_t *, Py_ssize_t);
PyAPI_FUNC(const char *) PyUnicode_GetDefaultEncoding(void);
PyAPI_FUNC(PyObject *) PyUnicode_InternFromString(const char *);
PyAPI_FUNC(void) PyUnicode_InternInPlace(PyObject **);
PyAPI_FUNC(int) PyUnicode_IsIdentifier(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_Join(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_Partition(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_RPartition(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_RSplit(PyObject *, PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_Replace(PyObject *, PyObject *, PyObject *, Py_ssize_t);
PyAPI_FUNC(int) PyUnicode_Resize(PyObject **, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_RichCompare(PyObject *, PyObject *, int);
PyAPI_FUNC(PyObject *) PyUnicode_Split(PyObject *, PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_Splitlines(PyObject *, int);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Tailmatch(PyObject *, PyObject *, Py_ssize_t, Py_ssize_t, int);
PyAPI_FUNC(PyObject *) PyUnicode_Translate(PyObject *, PyObject *, const char *);

#if _Py_LIMITED_VERSION >= 0x03030000
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4(PyObject *, Py_UCS4 *, Py_ssize_t, int);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4Copy(PyObject *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLocale(const char *, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLocaleAndSize(const char *, Py_ssize_t, const char *);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeLocale(PyObject *, const char *);
PyAPI_FUNC(Py_ssize_t) PyUnicode_FindChar(PyObject *, Py_UCS4, Py_ssize_t, Py_ssize_t, int);
PyAPI_FUNC(Py_ssize_t) PyUnicode_GetLength(PyObject *);
PyAPI_FUNC(Py_UCS4) PyUnicode_ReadChar(PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyUnicode_Substring(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(int) PyUnicode_WriteChar(PyObject *, Py_ssize_t, Py_UCS4);
#endif /* >= 3.3 */

#if _Py_LIMITED_VERSION >= 0x03050000
PyAPI_FUNC(PyObject *) PyCodec_NameReplaceErrors(PyObject *);
#endif /* >= 3.5 */

#if _Py_LIMITED_VERSION >= 0x030a0000
PyAPI_FUNC(const char *) PyUnicode_AsUTF8AndSize(PyObject *, Py_ssize_t *);
#endif /* >= 3.10 */

#if _Py_LIMITED_VERSION >= 0x030d0000
PyAPI_FUNC(int) PyUnicode_EqualToUTF8(PyObject *, const char *);
PyAPI_FUNC(int) PyUnicode_EqualToUTF8AndSize(PyObject *, const char *, Py_ssize_t);
#endif /* >= 3.13 */

#if _Py_LIMITED_VERSION >= 0x030e0000
PyAPI_FUNC(int) PyUnicode_Equal(PyObject *, PyObject *);
#endif /* >= 3.14 */

#endif
