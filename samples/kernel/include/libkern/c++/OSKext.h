/*
 * hagfish miniature kernel -- a tiny libkern object model.
 *
 * OSMetaClassBase -> OSObject -> { OSString, OSArray, OSKext }.
 * Objects can be created two ways:
 *   - at "boot" through the class operator new (a bump allocator), and
 *   - as constant-initialized globals (constexpr constructors), so that the
 *     linked image already contains objects with vtable pointers.
 * No RTTI, no exceptions.
 */
#ifndef _LIBKERN_OSKEXT_H_
#define _LIBKERN_OSKEXT_H_

#include <stdint.h>
#include <stddef.h>
#include <mach/kmod.h>
#include <libkern/OSKextLib.h>

typedef uint8_t OSKextExcludeLevel;
#define kOSKextExcludeNone      0
#define kOSKextExcludeKext      1
#define kOSKextExcludeAll       2

enum class OSKextLoadState : uint8_t {
	Unloaded  = 0,
	Loading   = 1,
	Loaded    = 2,
	Started   = 3,
	Stopping  = 0xfe,
};

namespace libkern {

/* a non-owning smart pointer, just enough to be a template in DWARF */
template <typename T>
class OSPtr {
public:
	constexpr OSPtr() : ptr_(nullptr) {}
	constexpr explicit OSPtr(T *p) : ptr_(p) {}
	T *get() const { return ptr_; }
	T *operator->() const { return ptr_; }
	bool isNull() const { return ptr_ == nullptr; }
	void reset(T *p) { ptr_ = p; }
private:
	T *ptr_;
};

template <typename T>
unsigned int countMatching(T *const *items, unsigned int count,
    bool (*predicate)(const T *item));

const char *loadStateName(OSKextLoadState state);

} /* namespace libkern */

class OSMetaClassBase {
public:
	virtual void retain() const = 0;
	virtual void release() const = 0;
	virtual int getRetainCount() const = 0;
	virtual bool isEqualTo(const OSMetaClassBase *anObject) const;

protected:
	constexpr OSMetaClassBase() {}
	virtual ~OSMetaClassBase();
};

class OSObject : public OSMetaClassBase {
public:
	constexpr explicit OSObject(int initialRetain) : retainCount(initialRetain) {}
	OSObject();
	virtual ~OSObject();

	void retain() const override;
	void release() const override;
	int getRetainCount() const override;
	virtual void free();

	static void *operator new(size_t size) noexcept;
	static void operator delete(void *mem, size_t size);

protected:
	mutable int retainCount;
};

class OSString : public OSObject {
public:
	constexpr OSString(const char *cstr, unsigned int len)
		: OSObject(1), flags(1), length(len), string(cstr) {}
	virtual ~OSString();

	static OSString *withCStringNoCopy(const char *cstr);

	const char *getCStringNoCopy() const;
	unsigned int getLength() const;
	bool isEqualTo(const char *cstr) const;
	bool isEqualTo(const OSMetaClassBase *anObject) const override;
	bool operator==(const OSString &other) const;
	bool operator!=(const OSString &other) const { return !(*this == other); }

protected:
	unsigned int flags:14,          /* 1 = no copy */
	             length:18;
	const char  *string;
};

class OSArray : public OSObject {
public:
	constexpr OSArray(OSObject **storage, unsigned int initialCount,
	    unsigned int initialCapacity)
		: OSObject(1), updateStamp(0), fOptions(0), count(initialCount),
		  capacity(initialCapacity), capacityIncrement(4), array(storage) {}
	virtual ~OSArray();

	unsigned int getCount() const;
	OSObject *getObject(unsigned int index) const;
	bool setObject(OSObject *anObject);
	bool containsObject(const OSObject *anObject) const;

protected:
	unsigned int    updateStamp;
	unsigned int    fOptions;
	unsigned int    count;
	unsigned int    capacity;
	unsigned int    capacityIncrement;
	OSObject      **array;
};

class OSKext : public OSObject {
public:
	constexpr OSKext(OSString *identifier, kmod_info_t *info, uint32_t tag,
	    OSArray *deps, bool loaded, bool kernelComponent)
		: OSObject(1), bundleID(identifier), kmod_info(info),
		  dependencies(deps), loadTag(tag),
		  loadState(loaded ? OSKextLoadState::Started : OSKextLoadState::Unloaded),
		  flags{loaded, loaded, kernelComponent, 1, 0, 0} {}
	explicit OSKext(OSString *identifier);
	virtual ~OSKext();

	static OSKext *lookupKextWithIdentifier(const char *kextIdentifier);
	static OSKext *lookupKextWithLoadTag(uint32_t aTag);
	static OSReturn loadKextWithIdentifier(const char *kextIdentifier,
	    OSKextExcludeLevel startOpt, OSKextExcludeLevel startMatchingOpt);
	static unsigned int applyToIdentifiers(const char *const *identifiers,
	    unsigned int count, OSReturn (*callback)(OSKext *aKext, void *context),
	    void *context);

	OSReturn load(OSKextExcludeLevel startOpt = kOSKextExcludeNone,
	    OSKextExcludeLevel startMatchingOpt = kOSKextExcludeNone,
	    OSArray *personalityNames = 0);
	OSReturn start(bool startDependenciesFlag = true);

	bool isLoaded() const;
	bool isStarted() const;
	bool isKernelComponent() const;
	const char *getIdentifierCString() const;
	uint32_t getLoadTag() const;
	OSKextLoadState getLoadState() const { return loadState; }
	bool operator==(const OSKext &other) const;
	void free() override;

	static OSArray         *sLoadedKexts;
	static OSArray         *sAllKexts;
	static uint32_t         sNextLoadTag;
	static unsigned int     sLoadCount;

protected:
	OSReturn loadExecutable();

	libkern::OSPtr<OSString> bundleID;
	kmod_info_t            *kmod_info;
	OSArray                *dependencies;
	uint32_t                loadTag;
	OSKextLoadState         loadState;
	struct {
		unsigned int    loaded:1;
		unsigned int    started:1;
		unsigned int    kernelComponent:1;
		unsigned int    prelinked:1;
		unsigned int    autounloadEnabled:1;
		unsigned int    delayAutounload:1;
	} flags;
};

#endif /* _LIBKERN_OSKEXT_H_ */
